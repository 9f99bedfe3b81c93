import { describe, expect, it } from 'vitest';
import {
  discretise,
  intensityMaskAndRange,
  intensityMaskOf,
  roiRange,
  type ResegmentRange,
} from './discretise';
import { maskOf, type RoiVolume } from './volume';

const roi = (values: number[], mask: number[]): RoiVolume => ({
  values: Float32Array.from(values),
  mask: Uint8Array.from(mask),
  dims: [values.length, 1, 1],
  spacingMm: [1, 1, 1],
});

describe('intensityMaskAndRange', () => {
  it('is intensityMaskOf with roiRange and the voxel count, in every case', () => {
    const cases: [RoiVolume, ResegmentRange | undefined][] = [
      [roi([5, -2, 3, 9], [0, 1, 1, 0]), undefined],
      [roi([NaN, 2, -7, 4], [0, 1, 1, 1]), [null, null]],
      [roi([1, 2, 3, 4, 8], [0, 1, 1, 1, 1]), [3, null]],
      [roi([1, NaN, 3, 4], [1, 1, 1, 0]), undefined],
      [roi([1, 2, 3, 4], [0, 255, 1, 0]), undefined],
      [roi([1, 2, Infinity, -4], [1, 1, 1, 1]), undefined],
    ];
    for (const [r, range] of cases) {
      const got = intensityMaskAndRange(r, range);
      const mask = intensityMaskOf(r, range) ?? maskOf(r);
      expect([...(got.mask ?? maskOf(r))]).toEqual([...mask]);
      expect(got.mask === r.mask).toBe(intensityMaskOf(r, range) === r.mask);
      expect([got.lo, got.hi]).toEqual(roiRange(r.values, mask));
      expect(got.voxels).toBe(mask.reduce((n, m) => n + m, 0));
      // Discretised from the known range as from the range found again.
      const method = { kind: 'bin-count', binCount: 5 } as const;
      expect(discretise(r, got.mask, method, range, got)).toEqual(
        discretise(r, mask, method, range),
      );
    }
  });

  it('finds an empty mask, and discretising it is the empty-roi error', () => {
    const empty = roi([1, 2], [0, 0]);
    const got = intensityMaskAndRange(empty, [5, 6]);
    expect(got.voxels).toBe(0);
    expect(() => discretise(empty, got.mask, { kind: 'none' }, undefined, got)).toThrow(
      expect.objectContaining({ code: 'empty-roi' }),
    );
  });
});
