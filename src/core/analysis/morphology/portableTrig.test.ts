import { describe, expect, it } from 'vitest';
import { cosSin2Pi } from './portableTrig';

describe('cosSin2Pi', () => {
  it('equals Math.cos/sin of 2π·num/den to a few units in the last place', () => {
    let worst = 0;
    for (const den of [1, 2, 3, 4, 6, 8, 9, 12, 27, 64, 81, 96, 243, 512, 729, 1024, 1536]) {
      for (let num = 0; num < den; num++) {
        const [c, s] = cosSin2Pi(num - den, den);
        const a = (2 * Math.PI * num) / den;
        worst = Math.max(worst, Math.abs(c - Math.cos(a)), Math.abs(s - Math.sin(a)));
      }
    }
    expect(worst).toBeLessThan(2e-15); // both sides round the angle (2π·num/den to 4e-16 near 2π);
  });

  it('is exact at the quadrant points', () => {
    expect(cosSin2Pi(0, 8)).toEqual([1, 0]);
    expect(cosSin2Pi(2, 8)).toEqual([0, 1]);
    expect(cosSin2Pi(4, 8)).toEqual([-1, 0]);
    expect(cosSin2Pi(-2, 8)).toEqual([0, -1]);
  });
});
