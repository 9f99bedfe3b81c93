import type { CodecFrame, CodecImageInfo } from './codecFrame.ts';

export async function decodeJpeg12(_frame: Uint8Array, _info: CodecImageInfo): Promise<CodecFrame> {
  throw new Error('12-bit lossy JPEG is not supported yet');
}
