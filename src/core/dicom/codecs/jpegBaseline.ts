import factory from '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs';
import { markAsRgb } from './adobeRgbMarker.ts';
import type { CodecFrame, CodecImageInfo } from './codecFrame.ts';
import { loadCodec } from './compiledCodecs.ts';
import { runEmbindDecoder } from './embindFrame.ts';

let codec: ReturnType<typeof factory> | undefined;

/** 8-bit JPEG (baseline, extended or progressive) through libjpeg-turbo; colour comes back as RGB. */
export async function decodeJpegBaseline(
  frame: Uint8Array,
  info: CodecImageInfo,
): Promise<CodecFrame> {
  codec ??= loadCodec('libjpeg-turbo-8bit', factory);
  const { JPEGDecoder } = await codec;
  const stream = info.photometricInterpretation === 'RGB' ? markAsRgb(frame) : frame;
  const { samples } = runEmbindDecoder(new JPEGDecoder(), stream, info);
  return { samples, rgb: true };
}
