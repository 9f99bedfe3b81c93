import type { CodecFrame, CodecImageInfo } from './codecFrame.ts';

export async function decodeHtj2k(_frame: Uint8Array, _info: CodecImageInfo): Promise<CodecFrame> {
  throw new Error('this codec is not available yet');
}
