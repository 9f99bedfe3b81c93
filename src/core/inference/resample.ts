// Separable resampling of one image plane by hand on typed arrays: area (box average with
// fractional coverage, the anti-aliased choice for downsampling, like OpenCV's INTER_AREA),
// bilinear (half-pixel centres, no anti-aliasing, like PyTorch's align_corners=false) and nearest.
import type { Interpolation } from './modelCard.ts';

/** For each output index: the first source index, the number of taps, and their weights. */
interface Taps {
  start: Int32Array;
  count: Int32Array;
  weights: Float64Array;
  maxTaps: number;
}

export function resampleTaps(inSize: number, outSize: number, method: Interpolation): Taps {
  const scale = inSize / outSize;
  const maxTaps = method === 'area' ? Math.ceil(scale) + 1 : method === 'bilinear' ? 2 : 1;
  const start = new Int32Array(outSize);
  const count = new Int32Array(outSize);
  const weights = new Float64Array(outSize * maxTaps);
  for (let j = 0; j < outSize; j++) {
    const w = j * maxTaps;
    if (method === 'area') {
      const from = j * scale;
      const to = Math.min((j + 1) * scale, inSize);
      const first = Math.floor(from);
      let n = 0;
      for (let i = first; i < to; i++) {
        const overlap = Math.min(i + 1, to) - Math.max(i, from);
        if (overlap <= 0) continue;
        if (n === 0) start[j] = i;
        weights[w + n++] = overlap / (to - from);
      }
      count[j] = n;
    } else if (method === 'bilinear') {
      const src = Math.min(Math.max((j + 0.5) * scale - 0.5, 0), inSize - 1);
      const i0 = Math.floor(src);
      const frac = src - i0;
      start[j] = i0;
      count[j] = i0 + 1 < inSize ? 2 : 1;
      weights[w] = count[j] === 2 ? 1 - frac : 1;
      weights[w + 1] = count[j] === 2 ? frac : 0;
    } else {
      start[j] = Math.min(Math.floor((j + 0.5) * scale), inSize - 1);
      count[j] = 1;
      weights[w] = 1;
    }
  }
  return { start, count, weights, maxTaps };
}

/** A rectangle of a plane: the crop that is resampled. */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Resamples `region` of a plane (row-major, `stride` values per row) to outWidth x outHeight.
 * Rows first, then columns; float64 accumulation, float32 result.
 */
export function resamplePlane(
  plane: ArrayLike<number>,
  stride: number,
  region: Region,
  outWidth: number,
  outHeight: number,
  method: Interpolation,
): Float32Array {
  const tx = resampleTaps(region.width, outWidth, method);
  const ty = resampleTaps(region.height, outHeight, method);
  const rowsPass = new Float64Array(region.height * outWidth);
  for (let y = 0; y < region.height; y++) {
    const rowBase = (region.y + y) * stride + region.x;
    const outBase = y * outWidth;
    for (let j = 0; j < outWidth; j++) {
      const s = tx.start[j];
      const n = tx.count[j];
      const w = j * tx.maxTaps;
      let acc = 0;
      for (let k = 0; k < n; k++) acc += plane[rowBase + s + k] * tx.weights[w + k];
      rowsPass[outBase + j] = acc;
    }
  }
  const out = new Float32Array(outWidth * outHeight);
  for (let i = 0; i < outHeight; i++) {
    const s = ty.start[i];
    const n = ty.count[i];
    const w = i * ty.maxTaps;
    const outBase = i * outWidth;
    for (let j = 0; j < outWidth; j++) {
      let acc = 0;
      for (let k = 0; k < n; k++) acc += rowsPass[(s + k) * outWidth + j] * ty.weights[w + k];
      out[outBase + j] = acc;
    }
  }
  return out;
}
