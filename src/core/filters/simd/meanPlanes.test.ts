// The mean filter's WASM running sums against the TypeScript reference, on volumes long enough
// along every axis that a drifting sum would show, every boundary rule, 2D and 3D.
import { describe, expect, it } from 'vitest';
import { meanReference } from '../mean.ts';
import { maxAbsDiff, randomVolume } from '../testing.ts';
import { boundaries } from '../types.ts';
import { meanPlanes } from './meanPlanes.ts';

describe('mean filter plane by plane in WASM', () => {
  for (const b of boundaries)
    for (const dims of [2, 3] as const)
      it(`equals the reference in ${dims}D with ${b} boundaries`, () => {
        for (const [support, size] of [
          [3, [37, 41, 30]],
          [15, [19, 23, 17]],
          [9, [5, 4, 3]],
        ] as const) {
          const img = randomVolume([...size], support);
          // values far from zero: a float32 running sum would lose their last digits
          for (let i = 0; i < img.values.length; i++) img.values[i] += 3000;
          const fast = meanPlanes(img, support, b, dims);
          expect(fast, 'WASM SIMD is available in Node').not.toBeNull();
          expect(
            maxAbsDiff(fast!, meanReference(img, support, b, dims)),
            `M ${support}`,
          ).toBeLessThan(1e-3);
        }
      });

  for (const b of boundaries)
    it(`overwrites its input with the same response in place (${b}, the Laws energy map)`, () => {
      for (const [support, size] of [
        [15, [9, 8, 40]],
        [5, [6, 5, 3]],
      ] as const) {
        const img = randomVolume([...size], support + 1);
        const expected = meanReference(img, support, b, 3);
        const copy = { ...img, values: img.values.slice() };
        const out = meanPlanes(copy, support, b, 3, true)!;
        expect(out).toBe(copy.values);
        expect(maxAbsDiff(out, expected), `M ${support}`).toBeLessThan(1e-3);
      }
    });
});
