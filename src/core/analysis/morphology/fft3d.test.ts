import { describe, expect, it } from 'vitest';
import { fft3d, fftSizeAtLeast } from './fft3d';

/** The DFT by its definition, for comparison. */
function naiveDft(re: Float64Array, im: Float64Array, g: readonly [number, number, number]) {
  const [lx, ly, lz] = g;
  const outRe = new Float64Array(re.length);
  const outIm = new Float64Array(re.length);
  for (let kz = 0; kz < lz; kz++)
    for (let ky = 0; ky < ly; ky++)
      for (let kx = 0; kx < lx; kx++) {
        let sr = 0;
        let si = 0;
        for (let z = 0, i = 0; z < lz; z++)
          for (let y = 0; y < ly; y++)
            for (let x = 0; x < lx; x++, i++) {
              const a = -2 * Math.PI * ((kx * x) / lx + (ky * y) / ly + (kz * z) / lz);
              sr += re[i] * Math.cos(a) - im[i] * Math.sin(a);
              si += re[i] * Math.sin(a) + im[i] * Math.cos(a);
            }
        outRe[kx + lx * (ky + ly * kz)] = sr;
        outIm[kx + lx * (ky + ly * kz)] = si;
      }
  return [outRe, outIm];
}

describe('3D FFT (radix 4, 2 and 3)', () => {
  it('picks the smallest size with no prime factor but 2 and 3', () => {
    expect([1, 2, 5, 7, 10, 17, 100, 145, 163].map(fftSizeAtLeast)).toEqual([
      1, 2, 6, 8, 12, 18, 108, 162, 192,
    ]);
  });

  it('equals the DFT by definition on mixed sizes, zero padding skipped where declared', () => {
    let s = 99;
    const r = () => (s = (s * 16807) % 2147483647) / 2147483647 - 0.5;
    for (const [g, used] of [
      [
        [6, 4, 9],
        [6, 4, 9],
      ],
      [
        [12, 1, 3],
        [5, 1, 2],
      ],
      [
        [16, 18, 8],
        [9, 7, 4],
      ],
      [
        [27, 2, 1],
        [27, 2, 1],
      ],
      [
        [64, 3, 2],
        [64, 3, 2],
      ],
    ] as const) {
      const n = g[0] * g[1] * g[2];
      const re = new Float64Array(n);
      const im = new Float64Array(n);
      for (let z = 0; z < used[2]; z++)
        for (let y = 0; y < used[1]; y++)
          for (let x = 0; x < used[0]; x++) {
            re[x + g[0] * (y + g[1] * z)] = r();
            im[x + g[0] * (y + g[1] * z)] = r();
          }
      const [wantRe, wantIm] = naiveDft(re, im, g);
      fft3d(re, im, g, used);
      for (let k = 0; k < n; k++) {
        expect(Math.abs(re[k] - wantRe[k])).toBeLessThan(1e-11);
        expect(Math.abs(im[k] - wantIm[k])).toBeLessThan(1e-11);
      }
    }
  });
});
