import { describe, expect, it } from 'vitest';
import { intensityMaskOf, resegment, type ResegmentRange } from './discretise';
import type { RoiVolume } from './volume';

const roi = (values: number[], mask: number[]): RoiVolume => ({
  values: Float32Array.from(values),
  mask: Uint8Array.from(mask),
  dims: [values.length, 1, 1],
  spacingMm: [1, 1, 1],
});

describe('intensityMaskOf', () => {
  it('is the ROI mask itself where resegmenting would copy it unchanged', () => {
    const plain = roi([1, 2, 3, 4], [0, 1, 1, 0]);
    expect(intensityMaskOf(plain)).toBe(plain.mask);
    expect(intensityMaskOf(plain, [null, null])).toBe(plain.mask);
    // NaN outside the mask does not matter.
    const nanOutside = roi([NaN, 2, 3, 4], [0, 1, 1, 0]);
    expect(intensityMaskOf(nanOutside)).toBe(nanOutside.mask);
  });

  it('is a new mask equal to resegment where a range, a NaN inside or a non-0/1 byte changes it', () => {
    const cases: [RoiVolume, ResegmentRange | undefined][] = [
      [roi([1, 2, 3, 4], [0, 1, 1, 0]), [3, null]],
      [roi([1, NaN, 3, 4], [0, 1, 1, 0]), undefined],
      [roi([1, 2, 3, 4], [0, 255, 1, 0]), undefined],
    ];
    for (const [r, range] of cases) {
      const m = intensityMaskOf(r, range);
      expect(m).not.toBe(r.mask);
      expect([...(m ?? [])]).toEqual([...resegment(r, range)]);
    }
  });
});
