import factory from '@cornerstonejs/codec-openjph/wasmjs';
import type { CodecFrame, CodecImageInfo } from './codecFrame.ts';
import { loadCodec } from './compiledCodecs.ts';
import { runEmbindDecoder } from './embindFrame.ts';

let codec: ReturnType<typeof factory> | undefined;

/** High-Throughput JPEG 2000 through OpenJPH. */
export async function decodeHtj2k(frame: Uint8Array, info: CodecImageInfo): Promise<CodecFrame> {
  codec ??= loadCodec('openjph', factory);
  const { HTJ2KDecoder } = await codec;
  const { samples } = runEmbindDecoder(new HTJ2KDecoder(), frame, info);
  return { samples, rgb: true };
}
