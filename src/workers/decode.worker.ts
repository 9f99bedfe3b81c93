// Decodes one frame to modality values; the pixel buffer is transferred back, not copied.
// Failures come back as a plain LoadError (structured clone drops Error subclasses).
import * as Comlink from 'comlink';
import { setCodecWasmLocator } from '../core/dicom/codecs/wasmLocator.ts';
import { decodeFrame } from '../core/dicom/decode.ts';
import { asLoadError } from '../core/dicom/loadError.ts';
import type { DecodedFrame, InstanceMeta, LoadError } from '../core/dicom/types.ts';
import { codecWasmUrls } from './codecWasmUrls.ts';

setCodecWasmLocator((codec) => codecWasmUrls[codec]);

export type DecodeResult = { ok: true; frame: DecodedFrame } | { ok: false; error: LoadError };

// The last file read, so scrolling through a multi-frame instance reads it once.
let last: { blob: Blob; bytes: Promise<Uint8Array> } | null = null;

function bytesOf(blob: Blob): Promise<Uint8Array> {
  if (last?.blob !== blob)
    last = { blob, bytes: blob.arrayBuffer().then((b) => new Uint8Array(b)) };
  return last.bytes;
}

const api = {
  async decode(blob: Blob, meta: InstanceMeta, frame: number): Promise<DecodeResult> {
    try {
      const decoded = await decodeFrame(await bytesOf(blob), meta, frame);
      return Comlink.transfer({ ok: true, frame: decoded }, [decoded.values.buffer]);
    } catch (e) {
      return { ok: false, error: asLoadError(e, meta.file) };
    }
  },
};

export type DecodeApi = typeof api;
Comlink.expose(api);
