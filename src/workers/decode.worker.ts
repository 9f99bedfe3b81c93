// Decodes one frame to modality values; the pixel buffer is shared (or transferred), not copied.
// Failures come back as a plain Problem whose params carry the file (structured clone drops
// Error subclasses).
import * as Comlink from 'comlink';
import { compileCodec, setCodecCompiler } from '../core/dicom/codecs/compiledCodecs.ts';
import { importCodecModule } from '../core/dicom/codecs/decodeCompressed.ts';
import { setCodecWasmLocator } from '../core/dicom/codecs/wasmLocator.ts';
import { decodeFrame } from '../core/dicom/decode.ts';
import { asLoadError } from '../core/dicom/loadError.ts';
import type { DecodedFrame, InstanceMeta } from '../core/dicom/types.ts';
import { ok, problemOf, type Result } from '../core/result.ts';
import { codecWasmUrls } from './codecWasmUrls.ts';
import { backgroundIdle, codecWarmup } from './codecWarmup.ts';

setCodecWasmLocator((codec) => codecWasmUrls[codec]);
setCodecCompiler(async (codec) => {
  // The codec's .wasm on our own origin, the very request Emscripten would make for the frame.
  // eslint-disable-next-line no-restricted-globals
  const module = await WebAssembly.compileStreaming(fetch(codecWasmUrls[codec]));
  return {
    instantiate: (imports) => WebAssembly.instantiate(module, imports as WebAssembly.Imports),
  };
});
const warmup = codecWarmup({
  // The codec's script (its Emscripten glue) too, which the first frame would otherwise import.
  compile: (codec) => Promise.all([compileCodec(codec), importCodecModule(codec).catch(() => {})]),
  idle: backgroundIdle,
  quietMs: 1000,
});

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
  /** The page starts the worker ahead of its first frame (app/services/warmWorkers.ts). With
   * `compileCodecs`, when that frame is seconds away, the worker also compiles the codecs in the
   * background, so a compressed study's first frame finds its codec compiled
   * (bench/codecWarm.bench.ts); at the pick itself the frame's own codec compiles at once. */
  ready: (compileCodecs = false) => {
    if (compileCodecs) warmup.start();
    return true;
  },
  async decode(
    blob: Blob | Uint8Array,
    meta: InstanceMeta,
    frame: number,
  ): Promise<Result<DecodedFrame>> {
    warmup.decodeStarted();
    try {
      const decoded = await decodeFrame(await bytesOf(blob), meta, frame, { shared });
      // A SharedArrayBuffer is shared by the message, not copied; a plain one is transferred.
      const buffer = decoded.values.buffer;
      return Comlink.transfer(ok(decoded), buffer instanceof ArrayBuffer ? [buffer] : []);
    } catch (e) {
      return { ok: false, error: problemOf(asLoadError(e, meta.file), 'decode-failed') };
    } finally {
      warmup.decodeEnded();
    }
  },
};

export type DecodeApi = typeof api;
Comlink.expose(api);
