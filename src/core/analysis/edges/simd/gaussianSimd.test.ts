// The one-pass WASM Gaussian against a plain two-pass model of its arithmetic (float32 lanes in
// the interior, float64 sums at the borders), bit for bit, on sizes that exercise the row ring.
import { describe, expect, it } from 'vitest';
import { gaussianKernel } from '../gaussian';
import { reflect101 } from '../image2d';
import { gaussianBlurSimd } from './gaussianSimd';

const f = Math.fround;

/** k0 c + (k1 (l1 + r1) + k2 (l2 + r2)), every step rounded to float32. */
function lanes(k: Float32Array, c: number, l1: number, r1: number, l2: number, r2: number): number {
  return f(f(k[2] * c) + f(f(k[1] * f(l1 + r1)) + f(k[0] * f(l2 + r2))));
}

function model(src: Float32Array, w: number, h: number, k: Float32Array): Float32Array {
  const tmp = new Float32Array(w * h);
  const out = new Float32Array(w * h);
  const xEnd = 2 + 4 * Math.floor((w - 4) / 4);
  const sum = (at: (t: number) => number): number => {
    let s = 0;
    for (let t = -2; t <= 2; t++) s += k[t + 2] * at(t);
    return s;
  };
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const p = (t: number): number => src[y * w + reflect101(x + t, w)];
      tmp[y * w + x] = x >= 2 && x < xEnd ? lanes(k, p(0), p(-1), p(1), p(-2), p(2)) : sum(p);
    }
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const p = (t: number): number => tmp[reflect101(y + t, h) * w + x];
      const inLanes = y >= 2 && y < h - 2 && x < 4 * Math.floor(w / 4);
      out[y * w + x] = inLanes ? lanes(k, p(0), p(-1), p(1), p(-2), p(2)) : sum(p);
    }
  return out;
}

describe('one-pass WASM Gaussian', () => {
  for (const [w, h] of [
    [8, 5],
    [9, 6],
    [13, 11],
    [64, 7],
    [67, 40],
  ]) {
    it(`equals the two-pass float32 model exactly on ${w}x${h}`, () => {
      let s = w * 7 + h;
      const values = Float32Array.from({ length: w * h }, () => {
        s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
        return (s / 4294967296 - 0.5) * 3000.3;
      });
      const k = gaussianKernel(1.1, 2);
      const fast = gaussianBlurSimd({ values, width: w, height: h }, k).values;
      expect(fast).toEqual(model(values, w, h, k));
    });
  }
});
