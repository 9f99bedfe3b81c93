import { describe, expect, it } from 'vitest';
import { intensityStatistics } from './intensityStatistics';

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
