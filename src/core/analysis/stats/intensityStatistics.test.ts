import { describe, expect, it } from 'vitest';
import { intensityStatistics } from './intensityStatistics';
import { percentiles } from './sortedValues';

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
