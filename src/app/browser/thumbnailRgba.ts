// A small preview of a frame for the study browser: nearest-neighbour down-sampling into a
// square, aspect kept, grey values windowed to 8 bits as the viewer would show them.
import { colourTo8Bit } from '../../core/dicom/colourDisplay.ts';
import type { DecodedFrame } from '../../core/dicom/types.ts';
import type { Voi } from '../store/viewerSlice.ts';

export interface Rgba {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export function thumbnailRgba(frame: DecodedFrame, voi: Voi, size: number): Rgba {
  const scale = size / Math.max(frame.rows, frame.columns);
  const width = Math.max(1, Math.round(frame.columns * scale));
  const height = Math.max(1, Math.round(frame.rows * scale));
  const data = new Uint8ClampedArray(width * height * 4);
  const lo = voi.center - voi.width / 2;
  const k = 255 / voi.width;
  const colour = frame.samplesPerPixel === 3;
  const c8 = colour ? colourTo8Bit(frame.max) : 1; // 16-bit colour and palettes to 8 bits
  const v = frame.values;
  for (let y = 0; y < height; y++) {
    const row = Math.min(frame.rows - 1, Math.floor((y + 0.5) / scale));
    for (let x = 0; x < width; x++) {
      const col = Math.min(frame.columns - 1, Math.floor((x + 0.5) / scale));
      const src = row * frame.columns + col;
      const o = (y * width + x) * 4;
      if (colour) {
        data[o] = v[src * 3] * c8;
        data[o + 1] = v[src * 3 + 1] * c8;
        data[o + 2] = v[src * 3 + 2] * c8;
      } else {
        const g = (v[src] - lo) * k;
        const grey = frame.invert ? 255 - g : g;
        data[o] = data[o + 1] = data[o + 2] = grey;
      }
      data[o + 3] = 255;
    }
  }
  return { width, height, data };
}
