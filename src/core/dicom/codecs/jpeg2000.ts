import type { CodecFrame, CodecImageInfo } from './codecFrame.ts';

export async function decodeJpeg2000(
  _frame: Uint8Array,
  _info: CodecImageInfo,
): Promise<CodecFrame> {
  throw new Error('this codec is not available yet');
}
