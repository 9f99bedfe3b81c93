// Canny's WASM SIMD path against the plain TypeScript path (the reference), pixel for pixel, on
// images chosen to hit every branch: ties, flat areas, all four sectors, odd widths, fractions.
import { describe, expect, it } from 'vitest';
import { canny, cannyWorkspace, type CannyOptions } from '../canny';
import type { Image2d } from '../image2d';
import { percentileOf, percentilesOf } from '../select';
import { magnitudeCountsSimd, type CannySimdWorkspace } from './cannySimd';

function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** Small integers: many equal magnitudes, zero gradients and exact sector-border ratios. */
function fewLevels(w: number, h: number, seed: number, levels = 4): Image2d {
  const rnd = generator(seed);
  const values = Float32Array.from({ length: w * h }, () => Math.floor(rnd() * levels));
  return { values, width: w, height: h };
}

/** CT-like: discs and a ramp with integer noise, as a slice after rescale. */
function ctLike(w: number, h: number, seed: number): Image2d {
  const rnd = generator(seed);
  const values = new Float32Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let v = -1000;
      if ((x - w / 2) ** 2 / (0.4 * w) ** 2 + (y - h / 2) ** 2 / (0.3 * h) ** 2 < 1) v = 40 + x;
      if ((x - w / 3) ** 2 + (y - h / 2) ** 2 < (0.1 * w) ** 2) v = -850;
      if ((x - (2 * w) / 3) ** 2 + (y - h / 2) ** 2 < (0.06 * w) ** 2) v = 700;
      values[y * w + x] = Math.round(v + (rnd() - 0.5) * 60);
    }
  return { values, width: w, height: h };
}

/** Fractional values (as after smoothing or rescale slopes), including negatives. */
function fractional(w: number, h: number, seed: number): Image2d {
  const rnd = generator(seed);
  const values = Float32Array.from({ length: w * h }, (_, i) => {
    const x = i % w;
    return Math.sin(x / 3) * 50 + (rnd() - 0.5) * 40.3;
  });
  return { values, width: w, height: h };
}

function edgeCount(e: Uint8Array): number {
  let c = 0;
  for (const v of e) c += v;
  return c;
}

const sizes: [number, number][] = [
  [6, 3],
  [7, 4],
  [9, 9],
  [33, 17],
  [64, 40],
  [131, 67],
];

function expectSame(img: Image2d, options: CannyOptions): number {
  const fast = canny(img, options, undefined, true);
  const fastEdges = fast.edges.slice();
  const plain = canny(img, options, undefined, false);
  expect(fastEdges).toEqual(plain.edges);
  return edgeCount(plain.edges);
}

const abs = (low: number, high: number, sigma = 0): CannyOptions => ({
  sigma,
  low,
  high,
  thresholds: 'absolute',
});

describe('Canny SIMD path equals the TypeScript reference', () => {
  for (const [w, h] of sizes) {
    it(`non-maximum suppression alone (low = high) on ${w}x${h} images`, () => {
      let marked = 0;
      for (const [k, img] of [
        fewLevels(w, h, w),
        ctLike(w, h, h),
        fractional(w, h, w + h),
      ].entries()) {
        const thresholds =
          k === 0 ? [-1, 0, 2, 4.5, 8] : k === 1 ? [0, 100, 400, 2000] : [10, 60.25];
        for (const t of thresholds) marked += expectSame(img, abs(t, t));
      }
      expect(marked).toBeGreaterThan(w * h * 0.1);
    });

    it(`hysteresis with low < high, smoothed and percentile thresholds on ${w}x${h}`, () => {
      const img = ctLike(w, h, 3 * w + h);
      expect(expectSame(img, abs(100, 900))).toBeGreaterThan(0);
      expectSame(fewLevels(w, h, 5), abs(2, 6));
      expectSame(fractional(w, h, 9), abs(20.1, 80.7));
      expectSame(img, abs(30, 200, 1.1));
      expectSame(img, { sigma: 0, low: 70, high: 90, thresholds: 'percentile' });
    });
  }

  it('thresholds between two float32 values decide like float64 (no rounding at the border)', () => {
    // Gradients small enough that both paths compute bit-identical float32 magnitudes.
    const img = fewLevels(64, 48, 11, 300);
    const plain = canny(img, abs(0, 0), undefined, false).magnitude.slice();
    // Thresholds just below and just above actual magnitudes, not representable in float32.
    for (const i of [100, 1000, 2000, 3000]) {
      const m = plain[i];
      if (m === 0) continue;
      // Only high sits on a magnitude: the plain path tests low on the magnitude before it is
      // rounded to float32, the SIMD path after (a known difference of one rounding).
      for (const t of [m - 1e-9, m, m + 1e-9]) expectSame(img, abs(t / 2, t));
    }
  });
});

describe('Canny workspace', () => {
  const img = ctLike(64, 40, 7);
  const options = abs(100, 900);

  it('returns its own planes, reused by the next call, and the same edges as without one', () => {
    const ws = cannyWorkspace(64, 40);
    const owned = canny(img, options);
    const first = canny(img, options, ws);
    expect(first.edges).toBe(ws.edges);
    expect(first.magnitude).toBe(ws.magnitude);
    expect(first.edges).toEqual(owned.edges);
    expect(first.magnitude).toEqual(owned.magnitude);
    expect(edgeCount(first.edges)).toBeGreaterThan(0);
    // A flat image through the same workspace overwrites the planes the first result showed.
    canny({ ...img, values: new Float32Array(64 * 40) }, options, ws);
    expect(edgeCount(first.edges)).toBe(0);
    expect(edgeCount(owned.edges)).toBeGreaterThan(0);
  });

  it('takes an image already written into its input plane without a copy, same edges', () => {
    const ws = cannyWorkspace(64, 40);
    ws.input.set(img.values);
    const resident = canny({ values: ws.input, width: 64, height: 40 }, options, ws);
    expect(resident.edges.slice()).toEqual(canny(img, options).edges);
    // Smoothing and windowing write into the input plane; the result is the same as from a copy.
    const smoothed = canny(img, { ...options, sigma: 1, window: [-900, 600] }, ws).edges.slice();
    expect(smoothed).toEqual(canny(img, { ...options, sigma: 1, window: [-900, 600] }).edges);
  });

  it('resolves percentile thresholds with the WASM radix counts exactly as quickselect does', () => {
    const ws = cannyWorkspace(64, 40);
    const r = canny(img, { sigma: 0, low: 70, high: 90, thresholds: 'percentile' }, ws);
    const plain = canny(
      img,
      { sigma: 0, low: 70, high: 90, thresholds: 'percentile' },
      undefined,
      false,
    );
    expect([r.lowUsed, r.highUsed]).toEqual([plain.lowUsed, plain.highUsed]);
    const simd = ws.simd as CannySimdWorkspace;
    const ps = [0, 5, 33, 50, 70, 90, 99, 100];
    const counted = percentilesOf(simd.magnitude, ps, magnitudeCountsSimd(simd));
    expect(counted).toEqual(ps.map((p) => percentileOf(simd.magnitude, p)));
    // An infinite magnitude, or a negative value (never a magnitude), is left to quickselect.
    simd.magnitude[5] = Infinity;
    expect(percentilesOf(simd.magnitude, [50, 100], magnitudeCountsSimd(simd))).toEqual([
      percentileOf(simd.magnitude, 50),
      Infinity,
    ]);
    simd.magnitude[5] = -1;
    expect(percentilesOf(simd.magnitude, [0], magnitudeCountsSimd(simd))).toEqual([-1]);
  });

  it('refuses an image of another size', () => {
    expect(() => canny(img, options, cannyWorkspace(40, 64))).toThrow(/another size/);
  });
});
