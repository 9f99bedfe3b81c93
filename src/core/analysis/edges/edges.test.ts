import { describe, expect, it } from 'vitest';
import { canny } from './canny';
import { gaussianBlur, gaussianKernel, sigmaForKernelSize } from './gaussian';
import type { Image2d } from './image2d';
import { percentileOf, percentilesOf } from './select';
import { sobel } from './sobel';

function image(w: number, h: number, f: (x: number, y: number) => number): Image2d {
  const values = new Float32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) values[y * w + x] = f(x, y);
  return { values, width: w, height: h };
}

const step = image(16, 12, (x) => (x < 8 ? 0 : 100));

describe('Gaussian smoothing', () => {
  it('has a normalised kernel and OpenCV sigma 1.1 for a 5x5 kernel', () => {
    const k = gaussianKernel(1, 2);
    expect(k.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(k[0]).toBeCloseTo(0.0545, 4);
    expect(sigmaForKernelSize(5)).toBeCloseTo(1.1, 12);
  });

  it('keeps a flat image flat and preserves the mean of a step', () => {
    const flat = gaussianBlur(
      image(9, 7, () => 42),
      gaussianKernel(1.5),
    ).values;
    for (const v of flat) expect(v).toBeCloseTo(42, 4);
    const blurred = gaussianBlur(step, gaussianKernel(1)).values;
    expect(blurred[5 * 16 + 7] + blurred[5 * 16 + 8]).toBeCloseTo(100, 3);
    expect(blurred[5 * 16 + 0]).toBeCloseTo(0, 6);
  });
});

describe('Sobel', () => {
  it('gives 4 x step height on both sides of a vertical step and 0 elsewhere', () => {
    const g = sobel(step);
    expect(g.magnitude[3 * 16 + 7]).toBe(400);
    expect(g.magnitude[3 * 16 + 8]).toBe(400);
    expect(g.magnitude[3 * 16 + 3]).toBe(0);
    expect(g.gy[3 * 16 + 7]).toBe(0);
  });

  it('measures a linear ramp with slope 1 as gradient 8 (the Sobel scale) everywhere', () => {
    const g = sobel(image(10, 10, (x, y) => x + 2 * y));
    expect(g.gx[55]).toBe(8);
    expect(g.gy[55]).toBe(16);
  });
});

describe('Canny', () => {
  it('turns a step edge into a single-pixel line in the column before the step', () => {
    const r = canny(step, { sigma: 0, low: 50, high: 100, thresholds: 'absolute' });
    for (let y = 0; y < 12; y++) {
      const row = [...r.edges.subarray(y * 16, y * 16 + 16)];
      expect(row.map((v, x) => (v ? x : -1)).filter((x) => x >= 0)).toEqual([7]);
    }
  });

  it('keeps the line thin after Gaussian smoothing', () => {
    const r = canny(step, { sigma: 1.4, low: 20, high: 60, thresholds: 'absolute' });
    for (let y = 0; y < 12; y++) {
      const xs = [...r.edges.subarray(y * 16, y * 16 + 16)].flatMap((v, x) => (v ? [x] : []));
      expect(xs).toHaveLength(1);
      expect(Math.abs(xs[0] - 7.5)).toBeLessThanOrEqual(0.5);
    }
  });

  it('finds no edges on a flat image', () => {
    const r = canny(
      image(20, 20, () => 1000),
      { sigma: 1, low: 1, high: 2, thresholds: 'absolute' },
    );
    expect(r.edges.reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('drops a step that lies outside the window', () => {
    const r = canny(step, {
      sigma: 0,
      low: 50,
      high: 100,
      thresholds: 'absolute',
      window: [200, 400],
    });
    expect(r.edges.reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('keeps weak edges only where they connect to strong ones', () => {
    // Two steps: height 100 at x = 8 (strong) and 20 at x = 20 (weak, isolated).
    const img = image(32, 8, (x) => (x < 8 ? 0 : x < 20 ? 100 : 120));
    const r = canny(img, { sigma: 0, low: 50, high: 200, thresholds: 'absolute' });
    expect(r.edges[4 * 32 + 7]).toBe(1);
    expect(r.edges[4 * 32 + 19]).toBe(0);
  });

  it('resolves percentile thresholds to gradient values', () => {
    const r = canny(step, { sigma: 0, low: 50, high: 95, thresholds: 'percentile' });
    // 2 of 16 columns have gradient 400, the rest 0: the 50th percentile is 0, the 95th 400.
    expect(r.lowUsed).toBe(0);
    expect(r.highUsed).toBe(400);
    expect(percentileOf(Float32Array.from([5, 1, 4, 2, 3]), 50)).toBe(3);
    expect(percentileOf(Float32Array.from([5, 1, 4, 2, 3]), 100)).toBe(5);
    expect(percentileOf(Float32Array.from([5, 1, 4, 2, 3]), 0)).toBe(1);
  });
});

describe('Radix-select percentiles', () => {
  function values(n: number, seed: number, f: (r: number) => number): Float32Array {
    let s = seed >>> 0;
    return Float32Array.from({ length: n }, () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return f(s / 4294967296);
    });
  }
  const ps = [0, 0.1, 1, 25, 50, 80, 95, 99.9, 100];

  it('equal quickselect on magnitudes with ties, zeros, huge values and Infinity', () => {
    const cases = [
      values(1, 1, (r) => r * 10),
      values(1000, 2, (r) => Math.floor(r * 8)),
      values(4097, 3, (r) => (r < 0.3 ? 0 : Math.sqrt(r) * 1e4)),
      values(5000, 4, (r) => (r < 0.01 ? Infinity : r * r * 3e38)),
      values(3000, 5, (r) => 1e-40 * r),
    ];
    for (const v of cases) {
      const copy = v.slice();
      expect(percentilesOf(v, ps)).toEqual(ps.map((p) => percentileOf(v, p)));
      expect(v).toEqual(copy);
    }
  });

  it('falls back to quickselect for negative values and NaN', () => {
    const v = values(999, 6, (r) => (r - 0.5) * 100);
    expect(percentilesOf(v, ps)).toEqual(ps.map((p) => percentileOf(v, p)));
    v[10] = NaN;
    expect(percentilesOf(v, [50])).toEqual([percentileOf(v, 50)]);
  });
});
