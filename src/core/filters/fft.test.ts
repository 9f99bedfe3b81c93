import { describe, expect, it } from 'vitest';
import { fft1d, fftNd } from './fft.ts';
import { maxAbsDiff } from './testing.ts';

function dft(re: number[], im: number[], sign: number): [number[], number[]] {
  const n = re.length;
  const or = new Array<number>(n).fill(0);
  const oi = new Array<number>(n).fill(0);
  for (let k = 0; k < n; k++)
    for (let t = 0; t < n; t++) {
      const a = (sign * 2 * Math.PI * k * t) / n;
      or[k] += re[t] * Math.cos(a) - im[t] * Math.sin(a);
      oi[k] += re[t] * Math.sin(a) + im[t] * Math.cos(a);
    }
  return [or, oi];
}

describe('fft', () => {
  for (const n of [1, 2, 8, 64, 5, 12, 140])
    it(`matches the plain DFT for n = ${n} and inverts`, () => {
      const re = Array.from({ length: n }, (_, i) => Math.sin(i * 1.3) + i / n);
      const im = Array.from({ length: n }, (_, i) => Math.cos(i * 0.7));
      const [er, ei] = dft(re, im, -1);
      const r = Float64Array.from(re);
      const m = Float64Array.from(im);
      fft1d(r, m);
      expect(maxAbsDiff(r, er)).toBeLessThan(1e-9 * n);
      expect(maxAbsDiff(m, ei)).toBeLessThan(1e-9 * n);
      fft1d(r, m, true);
      expect(maxAbsDiff(r, re)).toBeLessThan(1e-12 * n);
      expect(maxAbsDiff(m, im)).toBeLessThan(1e-12 * n);
    });

  it('transforms each axis of a 3D array', () => {
    const size = [4, 3, 2];
    const re = Float64Array.from({ length: 24 }, (_, i) => (i * 7) % 5);
    const im = new Float64Array(24);
    fftNd(re, im, size);
    // The DC bin is the sum; the x-only bin (1,0,0) is the DFT of the x-lines summed.
    expect(re[0]).toBeCloseTo(
      [...Array(24).keys()].reduce((s, i) => s + ((i * 7) % 5), 0),
      9,
    );
  });
});
