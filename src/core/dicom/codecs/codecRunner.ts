// Where the WASM codecs run. By default here, in this thread; a host that can stop a thread
// (the CLI's worker_threads) installs a runner that decodes elsewhere within a time budget,
// since a codec spinning on a damaged frame cannot be interrupted from inside its own thread.
import type { PixelEncoding } from '../transferSyntax.ts';
import type { CodecFrame, CodecImageInfo } from './codecFrame.ts';

/** The codecs that run in WASM and have hung on fuzzed input (CharLS, OpenJPEG, OpenJPH). */
export type WasmEncoding = Extract<PixelEncoding, 'jpeg-ls' | 'jpeg2000' | 'htj2k'>;

export const wasmEncodings: ReadonlySet<string> = new Set<WasmEncoding>([
  'jpeg-ls',
  'jpeg2000',
  'htj2k',
]);

/** Decodes one frame with the codec for `encoding`; throws what the codec throws. */
export type CodecRunner = (
  encoding: WasmEncoding,
  frame: Uint8Array,
  info: CodecImageInfo,
) => Promise<CodecFrame>;

let runner: CodecRunner | undefined;

/** Installs the runner for WASM codecs (undefined: back to this thread). */
export function setCodecRunner(next: CodecRunner | undefined): void {
  runner = next;
}

export function codecRunner(): CodecRunner | undefined {
  return runner;
}
