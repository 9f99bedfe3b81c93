import type { PixelEncoding } from '../transferSyntax.ts';
import type { CodecFrame, CodecImageInfo } from './codecFrame.ts';

type Decoder = (frame: Uint8Array, info: CodecImageInfo) => Promise<CodecFrame>;

// Each codec module is imported on first use, so a session that never meets JPEG 2000 never
// loads its WASM.
const decoders: Record<Exclude<PixelEncoding, 'native'>, () => Promise<Decoder>> = {
  rle: async () => (await import('./rle.ts')).decodeRle,
  'jpeg-baseline': async () => (await import('./jpegBaseline.ts')).decodeJpegBaseline,
  'jpeg-extended': async () => (await import('./jpegExtended.ts')).decodeJpegExtended,
  'jpeg-lossless': async () => (await import('./jpegLossless.ts')).decodeJpegLossless,
  'jpeg-ls': async () => (await import('./jpegLs.ts')).decodeJpegLs,
  jpeg2000: async () => (await import('./jpeg2000.ts')).decodeJpeg2000,
  htj2k: async () => (await import('./htj2k.ts')).decodeHtj2k,
};

/** Decodes one compressed frame with the codec its transfer syntax calls for. */
export async function decodeCompressed(
  encoding: Exclude<PixelEncoding, 'native'>,
  frame: Uint8Array,
  info: CodecImageInfo,
): Promise<CodecFrame> {
  const decode = await decoders[encoding]();
  return decode(frame, info);
}
