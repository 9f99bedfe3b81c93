// Decodes one frame to modality values; the pixel buffer is shared (or transferred), not copied.
// Failures come back as a plain Problem whose params carry the file (structured clone drops
// Error subclasses).
import * as Comlink from 'comlink';
import { setCodecWasmLocator } from '../core/dicom/codecs/wasmLocator.ts';
import { decodeFrame } from '../core/dicom/decode.ts';
import { asLoadError } from '../core/dicom/loadError.ts';
import type { DecodedFrame, InstanceMeta } from '../core/dicom/types.ts';
import { ok, problemOf, type Result } from '../core/result.ts';
import { codecWasmUrls } from './codecWasmUrls.ts';

setCodecWasmLocator((codec) => codecWasmUrls[codec]);

// Cross-origin isolated pages (the app sends COOP/COEP) decode into SharedArrayBuffers, so the
// frame cache's frames reach analysis and inference workers without a copy.
const shared = self.crossOriginIsolated === true;

// The last file read, so scrolling through a multi-frame instance reads it once.
let last: { blob: Blob; bytes: Promise<Uint8Array> } | null = null;

/** A PACS instance comes as its bytes (shared with the page, no copy), a file as its Blob. */
function bytesOf(blob: Blob | Uint8Array): Promise<Uint8Array> {
  if (blob instanceof Uint8Array) return Promise.resolve(blob);
  if (last?.blob !== blob)
    last = { blob, bytes: blob.arrayBuffer().then((b) => new Uint8Array(b)) };
  return last.bytes;
}

const api = {
  /** Nothing: the page starts the worker ahead of its first frame (app/services/warmWorkers.ts). */
  ready: () => true,
  async decode(
    blob: Blob | Uint8Array,
    meta: InstanceMeta,
    frame: number,
  ): Promise<Result<DecodedFrame>> {
    try {
      const decoded = await decodeFrame(await bytesOf(blob), meta, frame, { shared });
      // A SharedArrayBuffer is shared by the message, not copied; a plain one is transferred.
      const buffer = decoded.values.buffer;
      return Comlink.transfer(ok(decoded), buffer instanceof ArrayBuffer ? [buffer] : []);
    } catch (e) {
      return { ok: false, error: problemOf(asLoadError(e, meta.file), 'decode-failed') };
    }
  },
};

export type DecodeApi = typeof api;
Comlink.expose(api);
