import { describe, expect, it } from 'vitest';
import { selectFeatures } from './selection.ts';
import { simulatedStudy } from '../validation/testing/simulatedStudy.ts';

describe('feature selection', () => {
  const s = simulatedStudy([40, 40, 40], 6, 2, 9, 0.1);
  const p = 9;
  const data = new Float64Array(s.y.length * p);
  for (let i = 0; i < s.y.length; i++) {
    for (let j = 0; j < 6; j++) data[i * p + j] = s.x.data[i * 6 + j];
    data[i * p + 6] = 2 * s.x.data[i * 6] + 1e-3 * (i % 3); // near-copy of feature 0
    data[i * p + 7] = 5; // constant
    data[i * p + 8] = s.centers[i] * 10 + s.x.data[i * 6 + 5]; // mostly center
  }
  const x = { rows: s.y.length, cols: p, data };

  it('drops the constant, the center-driven and the near-duplicate feature, saying why', () => {
    const r = selectFeatures(x, s.y, s.centers, { maxCorrelation: 0.95, maxCenterEffect: 0.5 });
    expect(Array.from(r.kept)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(r.dropped.map((d) => d.feature)).toEqual([6, 7, 8]);
    expect(r.dropped[0].reason).toMatch(/\|r\| 1\.000 with feature 0/);
    expect(r.dropped[1].reason).toMatch(/no variance/);
    expect(r.dropped[2].reason).toMatch(/center effect/);
  });

  it('L1 keeps the informative features and drops noise at a small C', () => {
    const r = selectFeatures(s.x, s.y, s.centers, { l1C: 0.05 });
    expect(Array.from(r.kept).slice(0, 2)).toEqual([0, 1]);
    expect(r.kept.length).toBeLessThan(6);
  });
});
