// Canny edge detection on modality values: optional window, Gaussian smoothing, Sobel gradient,
// non-maximum suppression and hysteresis between a low and a high threshold.
import { gaussianBlur, gaussianKernel } from './gaussian';
import type { Image2d } from './image2d';
import { percentileOf } from './select';
import { sobel } from './sobel';

export interface CannyOptions {
  /** Gaussian sigma in pixels; 0 skips smoothing. */
  sigma: number;
  low: number;
  high: number;
  /** 'absolute': thresholds are gradient magnitudes in modality units per pixel (Sobel scale);
   *  'percentile': thresholds are percentiles (0..100) of the image's gradient magnitude. */
  thresholds: 'absolute' | 'percentile';
  /** Clamp values to [min, max] first, so edges outside the window of interest vanish. */
  window?: readonly [min: number, max: number];
}

export interface EdgeResult {
  /** 1 on an edge pixel, 0 elsewhere. */
  edges: Uint8Array;
  magnitude: Float32Array;
  width: number;
  height: number;
  /** The absolute thresholds used (percentiles resolved). */
  lowUsed: number;
  highUsed: number;
}

// tan(22.5 deg) and tan(67.5 deg): the sector borders of the quantised gradient direction.
const TAN22 = Math.SQRT2 - 1;
const TAN67 = Math.SQRT2 + 1;

export function canny(image: Image2d, options: CannyOptions): EdgeResult {
  const { width: w, height: h } = image;
  let src = image.values;
  if (options.window) {
    const [lo, hi] = options.window;
    src = new Float32Array(src.length);
    for (let i = 0; i < src.length; i++) {
      const v = image.values[i];
      src[i] = v < lo ? lo : v > hi ? hi : v;
    }
  }
  const smoothed =
    options.sigma > 0
      ? gaussianBlur({ values: src, width: w, height: h }, gaussianKernel(options.sigma)).values
      : src;
  const g = sobel({ values: smoothed, width: w, height: h });
  let low = options.low;
  let high = options.high;
  if (options.thresholds === 'percentile') {
    low = percentileOf(g.magnitude, options.low);
    high = percentileOf(g.magnitude, options.high);
  }
  const state = suppressNonMaxima(g.gx, g.gy, g.magnitude, w, h, low, high);
  const edges = hysteresis(state, w, h);
  return { edges, magnitude: g.magnitude, width: w, height: h, lowUsed: low, highUsed: high };
}

/** 0: not an edge; 1: local maximum above low (weak); 2: local maximum above high (strong). */
function suppressNonMaxima(
  gx: Float32Array,
  gy: Float32Array,
  mag: Float32Array,
  w: number,
  h: number,
  low: number,
  high: number,
): Uint8Array {
  const state = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    const up = y > 0 ? -w : 0;
    const down = y < h - 1 ? w : 0;
    for (let x = 0; x < w; x++) {
      const i = row + x;
      const m = mag[i];
      if (m <= low) continue;
      const ax = Math.abs(gx[i]);
      const ay = Math.abs(gy[i]);
      const left = x > 0 ? -1 : 0;
      const right = x < w - 1 ? 1 : 0;
      // Neighbours across the edge; outside the image they count as zero (offset 0 -> self).
      let a: number;
      let b: number;
      if (ay <= ax * TAN22) {
        a = left !== 0 ? mag[i + left] : 0;
        b = right !== 0 ? mag[i + right] : 0;
      } else if (ay >= ax * TAN67) {
        a = up !== 0 ? mag[i + up] : 0;
        b = down !== 0 ? mag[i + down] : 0;
      } else if (gx[i] * gy[i] > 0) {
        a = up !== 0 && left !== 0 ? mag[i + up + left] : 0;
        b = down !== 0 && right !== 0 ? mag[i + down + right] : 0;
      } else {
        a = up !== 0 && right !== 0 ? mag[i + up + right] : 0;
        b = down !== 0 && left !== 0 ? mag[i + down + left] : 0;
      }
      // Strict on one side, not the other: a plateau two pixels wide keeps exactly one.
      if (m > a && m >= b) state[i] = m > high ? 2 : 1;
    }
  }
  return state;
}

/** Edges: strong pixels and the weak ones 8-connected to them. */
function hysteresis(state: Uint8Array, w: number, h: number): Uint8Array {
  const edges = new Uint8Array(w * h);
  const stack = new Int32Array(w * h);
  let top = 0;
  for (let i = 0; i < state.length; i++) {
    if (state[i] === 2) {
      edges[i] = 1;
      stack[top++] = i;
    }
  }
  while (top > 0) {
    const i = stack[--top];
    const y = (i / w) | 0;
    const x = i - y * w;
    const y0 = y > 0 ? y - 1 : 0;
    const y1 = y < h - 1 ? y + 1 : h - 1;
    const x0 = x > 0 ? x - 1 : 0;
    const x1 = x < w - 1 ? x + 1 : w - 1;
    for (let yy = y0; yy <= y1; yy++) {
      for (let xx = x0; xx <= x1; xx++) {
        const j = yy * w + xx;
        if (state[j] !== 0 && edges[j] === 0) {
          edges[j] = 1;
          stack[top++] = j;
        }
      }
    }
  }
  return edges;
}
