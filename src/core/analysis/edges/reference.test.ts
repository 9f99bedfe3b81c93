// The fast edge kernels against plain, obviously-correct implementations on a random image.
import { describe, expect, it } from 'vitest';
import { gaussianBlur, gaussianKernel } from './gaussian';
import { reflect101, type Image2d } from './image2d';
import { sobel } from './sobel';

function randomImage(w: number, h: number, seed: number): Image2d {
  let s = seed;
  const values = new Float32Array(w * h);
  for (let i = 0; i < values.length; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    values[i] = (s / 2147483648) * 4000 - 1000;
  }
  return { values, width: w, height: h };
}

const at = (img: Image2d, x: number, y: number): number =>
  img.values[reflect101(y, img.height) * img.width + reflect101(x, img.width)];

function naiveGaussian(img: Image2d, k: Float32Array): Float32Array {
  const r = (k.length - 1) >> 1;
  const out = new Float32Array(img.values.length);
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++) {
      let s = 0;
      for (let j = -r; j <= r; j++)
        for (let i = -r; i <= r; i++) s += k[j + r] * k[i + r] * at(img, x + i, y + j);
      out[y * img.width + x] = s;
    }
  return out;
}

describe('edge kernels agree with plain implementations', () => {
  for (const [w, h] of [
    [17, 13],
    [5, 4],
    [1, 6],
  ]) {
    it(`Gaussian (radius 2 and 3) on ${w}x${h}`, () => {
      const img = randomImage(w, h, w * h);
      for (const k of [gaussianKernel(1.1, 2), gaussianKernel(1.5, 3)]) {
        const fast = gaussianBlur(img, k).values;
        const slow = naiveGaussian(img, k);
        for (let i = 0; i < fast.length; i++) expect(fast[i]).toBeCloseTo(slow[i], 1);
      }
    });

    it(`Sobel gx, gy and magnitude on ${w}x${h}`, () => {
      const img = randomImage(w, h, 7 + w);
      const g = sobel(img);
      const magOnly = sobel(img, undefined, null, null).magnitude;
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) {
          const p = (i: number, j: number): number => at(img, x + i, y + j);
          const gx = p(1, -1) + 2 * p(1, 0) + p(1, 1) - p(-1, -1) - 2 * p(-1, 0) - p(-1, 1);
          const gy = p(-1, 1) + 2 * p(0, 1) + p(1, 1) - p(-1, -1) - 2 * p(0, -1) - p(1, -1);
          const i = y * w + x;
          expect(g.gx[i]).toBeCloseTo(gx, 2);
          expect(g.gy[i]).toBeCloseTo(gy, 2);
          expect(g.magnitude[i]).toBeCloseTo(Math.hypot(gx, gy), 1);
          expect(magOnly[i]).toBe(g.magnitude[i]);
        }
    });
  }
});
