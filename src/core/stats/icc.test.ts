// ICC(2,1) and ICC(3,1) against R's psych::ICC (tools/stats/icc_reference.R writes the
// reference), and the cases where the old SST − SSR − SSC form gave 1.97 or −1.11: features
// identical or constant across centers.
import { describe, expect, it } from 'vitest';
import { icc } from './icc.ts';
import reference from './icc.reference.json';

describe('ICC against psych::ICC', () => {
  for (const ref of reference) {
    it(`${ref.name}: ICC(2,1) ${ref.icc21.toFixed(4)}, ICC(3,1) ${ref.icc31.toFixed(4)}`, () => {
      const r = icc(ref.ratings);
      expect(r.icc21).toBeCloseTo(ref.icc21, 9);
      expect(r.icc31).toBeCloseTo(ref.icc31, 9);
      expect(r.undefinedReason).toBeUndefined();
    });
  }
});

describe('ICC of features that agree or do not vary', () => {
  it('is exactly within [-1, 1] for features identical at both centers, whatever their scale', () => {
    for (const scale of [1e-8, 1e-3, 1, 1e3, 1e6, 1e9]) {
      const values = [0.1, 0.7, 0.30000000000000004, 0.9, 0.55, 0.123456789].map((v) => v * scale);
      const r = icc(values.map((v) => [v, v]));
      expect(r.icc21).toBeLessThanOrEqual(1);
      expect(r.icc31).toBeLessThanOrEqual(1);
      expect(r.icc21).toBeCloseTo(1, 9);
      expect(r.icc31).toBeCloseTo(1, 9);
    }
  });

  it('is undefined for a constant feature (no between-case variance), never a number', () => {
    const r = icc(Array.from({ length: 10 }, () => [0.1 + 0.2, 0.3 + 1e-17, 0.30000000000000004]));
    expect(r.icc21).toBeNaN();
    expect(r.icc31).toBeNaN();
    expect(r.undefinedReason).toBe('no-variance');
    expect(
      icc([
        [5, 5],
        [5, 5],
        [5, 5],
      ]).undefinedReason,
    ).toBe('no-variance');
  });

  it('is undefined when a feature varies only by rounding noise (near-constant)', () => {
    const a = 123456.789;
    const jitter = [0, 1, -1, 2, 0, -2].map((d) => a + d * a * Number.EPSILON);
    const r = icc(jitter.map((v, i) => [v, jitter[(i + 1) % jitter.length]]));
    expect(r.undefinedReason).toBe('no-variance');
    expect(r.icc31).toBeNaN();
  });

  it('stays within its bounds over many random tables with agreeing centers', () => {
    let seed = 1;
    const rand = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let t = 0; t < 200; t++) {
      const scale = 10 ** Math.floor(rand() * 12 - 4);
      const rows = Array.from({ length: 3 + Math.floor(rand() * 20) }, () => {
        const v = (1000 + rand()) * scale;
        return [v, v * (1 + (rand() - 0.5) * 1e-12), v];
      });
      const r = icc(rows);
      if (r.undefinedReason) continue;
      expect(r.icc31).toBeLessThanOrEqual(1);
      expect(r.icc31).toBeGreaterThanOrEqual(-0.5);
      expect(r.icc21).toBeLessThanOrEqual(1);
    }
  });
});
