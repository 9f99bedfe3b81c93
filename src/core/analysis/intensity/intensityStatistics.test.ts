import { describe, expect, it } from 'vitest';
import { intensityHistogram } from './intensityHistogram';
import { intensityStatistics, statisticsOfValues } from './intensityStatistics';
import { maskedValues, percentiles } from './sortedValues';

describe('intensity statistics', () => {
  it('computes mean, biased variance, median and interpolated percentiles of 1..4', () => {
    const s = intensityStatistics(Float64Array.from([1, 2, 3, 4]));
    expect(s[0]).toBe(2.5);
    expect(s[1]).toBe(1.25);
    expect(s[2]).toBeCloseTo(0, 12); // symmetric: no skewness
    expect(s[4]).toBe(2.5);
    expect(s[6]).toBeCloseTo(1.3, 12);
    expect(s[7]).toBeCloseTo(3.7, 12);
    expect(s[16]).toBe(30); // energy: 1 + 4 + 9 + 16
  });
});

/** A CT-like noisy image (integers) and a ROI of about a third of it, seeded. */
function ctLike(n: number): { values: Float32Array; mask: Uint8Array } {
  const values = new Float32Array(n);
  const mask = new Uint8Array(n);
  let s = 7;
  for (let i = 0; i < n; i++) {
    s = (s * 16807) % 2147483647;
    values[i] = Math.round(40 + 300 * Math.sin(i / 50) + (s % 201) - 100);
    mask[i] = i % 97 < 33 ? 1 : 0;
  }
  return { values, mask };
}

describe('intensity statistics from counts', () => {
  // Counted sums of integers are exact, so these match the voxel-by-voxel reference bit for bit;
  // the deviation sums (variance, skewness, kurtosis, MAD, robust MAD, CoV) only round differently.
  const exact = [0, 4, 5, 6, 7, 8, 9, 10, 13, 15, 16, 17];
  it.each([
    ['int16-range', 1, 0],
    ['wider than int16 and uint16', 37, -100000],
  ])('agree with the voxel-by-voxel statistics on %s integers in a ROI', (_, scale, offset) => {
    const { values, mask } = ctLike(20011);
    for (let i = 0; i < values.length; i++) values[i] = values[i] * scale + offset;
    const want = statisticsOfValues(maskedValues(values, mask));
    const got = intensityStatistics(values, mask);
    want.forEach((w, k) => {
      if (exact.includes(k)) expect(got[k]).toBe(w);
      else expect(Math.abs(got[k] - w)).toBeLessThanOrEqual(1e-12 * Math.abs(w));
    });
  });

  it('are the voxel-by-voxel statistics, bit for bit, on fractional values', () => {
    const { values, mask } = ctLike(5003);
    for (let i = 0; i < values.length; i++) values[i] *= 0.37;
    expect(intensityStatistics(values, mask)).toEqual(
      statisticsOfValues(maskedValues(values, mask)),
    );
  });

  it('ignore what lies outside the mask, even fractional values', () => {
    const { values, mask } = ctLike(4099);
    const outside = Float32Array.from(values, (v, i) => (mask[i] ? v : 0.5));
    expect(intensityStatistics(outside, mask)).toEqual(intensityStatistics(values, mask));
  });

  it('give the histogram family the statistics of its grey levels', () => {
    const levels = Uint16Array.from([1, 1, 2, 3, 3, 3, 5, 8, 8, 0]);
    const h = intensityHistogram(levels, 8);
    const s = statisticsOfValues(Float64Array.from([1, 1, 2, 3, 3, 3, 5, 8, 8]));
    expect(h[0]).toBe(s[0]); // mean
    expect(h[4]).toBe(s[4]); // median
    expect(h[1]).toBeCloseTo(s[1], 12); // variance
    expect(h[12]).toBeCloseTo(s[11], 12); // mean absolute deviation
    expect(h[13]).toBeCloseTo(s[12], 12); // robust MAD
  });
});

describe('percentiles by selection', () => {
  // Integer data take the counting path, fractional data the selection path.
  it.each([
    ['integer', 1],
    ['fractional', 0.37],
  ])('match a full sort with numpy-style interpolation on %s data with ties', (_, scale) => {
    const n = 1001;
    const data = new Float64Array(n);
    let s = 3;
    for (let i = 0; i < n; i++) {
      s = (s * 16807) % 2147483647;
      data[i] = ((s % 97) - 40) * scale;
    }
    const sorted = Float64Array.from(data).sort();
    const ps = [0, 10, 25, 33.3, 50, 75, 90, 100];
    const got = percentiles(Float64Array.from(data), ps);
    ps.forEach((p, k) => {
      const pos = ((n - 1) * p) / 100;
      const lo = Math.floor(pos);
      const want = sorted[lo] + (sorted[Math.min(lo + 1, n - 1)] - sorted[lo]) * (pos - lo);
      expect(got[k]).toBeCloseTo(want, 12);
    });
  });
});
