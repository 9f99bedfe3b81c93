import factory from '@cornerstonejs/codec-charls/decodewasmjs';
import type { CodecFrame, CodecImageInfo } from './codecFrame.ts';
import { loadCodec } from './compiledCodecs.ts';
import { runEmbindDecoder } from './embindFrame.ts';

let codec: ReturnType<typeof factory> | undefined;

/** JPEG-LS lossless and near-lossless through CharLS; samples come back interleaved. */
export async function decodeJpegLs(frame: Uint8Array, info: CodecImageInfo): Promise<CodecFrame> {
  codec ??= loadCodec('charls', factory);
  const { JpegLSDecoder } = await codec;
  const { samples } = runEmbindDecoder(new JpegLSDecoder(), frame, info);
  return { samples, rgb: false };
}
