import type { CodecFrame, CodecImageInfo } from './codecFrame.ts';

export async function decodeJpegLossless(
  _frame: Uint8Array,
  _info: CodecImageInfo,
): Promise<CodecFrame> {
  throw new Error('this codec is not available yet');
}
