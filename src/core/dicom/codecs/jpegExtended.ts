import type { CodecFrame, CodecImageInfo } from './codecFrame.ts';
import { decodeJpegBaseline } from './jpegBaseline.ts';
import { jpegPrecision } from './jpegPrecision.ts';

/**
 * JPEG extended, spectral selection and progressive (processes 2/4, 6/8, 10/12). libjpeg-turbo
 * handles 8-bit samples; 12-bit samples need the 12-bit decoder.
 */
export async function decodeJpegExtended(
  frame: Uint8Array,
  info: CodecImageInfo,
): Promise<CodecFrame> {
  const precision = jpegPrecision(frame);
  if (precision <= 8) return decodeJpegBaseline(frame, info);
  const { decodeJpeg12 } = await import('./jpeg12.ts');
  return decodeJpeg12(frame, info);
}
