// Colour images are analysed on their luminance: Y = 0.299 R + 0.587 G + 0.114 B (ITU-R BT.601,
// the weights JPEG/JFIF and DICOM's YBR_FULL use), in the frame's own value range. Grey frames
// pass through untouched, so every front end (workbench, CLI) can call this on any frame.
import type { DecodedFrame } from '../dicom/types.ts';

export const LUMA_BT601 = [0.299, 0.587, 0.114] as const;

type Pixels = Pick<DecodedFrame, 'values' | 'columns' | 'rows' | 'samplesPerPixel'>;

/** BT.601 luma of interleaved RGB values: one value per pixel. */
export function rgbToLuma(rgb: Float32Array, pixels: number): Float32Array {
  const [wr, wg, wb] = LUMA_BT601;
  const out = new Float32Array(pixels);
  for (let i = 0, j = 0; i < pixels; i++, j += 3) {
    out[i] = wr * rgb[j] + wg * rgb[j + 1] + wb * rgb[j + 2];
  }
  return out;
}

/** The frame as one grey sample a pixel: itself when grey, its BT.601 luma when colour. */
export function greyPixels<F extends Pixels>(frame: F): F & { samplesPerPixel: 1 } {
  if (frame.samplesPerPixel === 1) return frame as F & { samplesPerPixel: 1 };
  const values = rgbToLuma(frame.values, frame.columns * frame.rows);
  return { ...frame, values, samplesPerPixel: 1 };
}
