import { describe, expect, it } from 'vitest';
import { sliceLevels } from '../testVolumes';
import { glrlmFeatures, glrlmMatrix } from './glrlm';
import { glszmFeatures, glszmMatrix } from './glszm';
import { mergeMatrices } from './matrix';

const image = sliceLevels([
  [1, 2, 1],
  [2, 1, 2],
  [1, 2, 2],
]);

describe('GLRLM', () => {
  it('counts horizontal runs: four 1-runs and three 2-runs of length 1, one 2-run of length 2', () => {
    const m = glrlmMatrix(image, [1, 0, 0], 0);
    expect(m.cols).toBe(3);
    expect([...m.data]).toEqual([4, 0, 0, 3, 1, 0]);
    const f = glrlmFeatures(m);
    expect(f[0]).toBeCloseTo((4 + 3 + 1 / 4) / 8, 12); // short runs emphasis
    expect(f[12]).toBeCloseTo(8 / 9, 12); // run percentage
  });
});

describe('GLSZM', () => {
  it('joins diagonal neighbours into one zone per level (sizes 4 and 5)', () => {
    const m = glszmMatrix(image, 0);
    // Columns are the sizes that occur (4 and 5), not every size up to the largest.
    expect([...(m.sizes ?? [])]).toEqual([4, 5]);
    expect([...m.data]).toEqual([1, 0, 0, 1]);
    const f = glszmFeatures(m);
    expect(f[0]).toBeCloseTo((1 / 16 + 1 / 25) / 2, 12); // small zone emphasis
    expect(f[12]).toBeCloseTo(2 / 9, 12); // zone percentage
    expect(f[14]).toBeCloseTo(0.25, 12); // zone size variance: sizes 4 and 5, equally often
  });

  it('merges slices by zone size, as dense matrices would', () => {
    const other = sliceLevels([[1, 1, 2]]);
    const merged = mergeMatrices([glszmMatrix(image, 0), glszmMatrix(other, 0)]);
    expect([...(merged.sizes ?? [])]).toEqual([1, 2, 4, 5]);
    // Level 1: sizes 2 and 4; level 2: sizes 1 and 5.
    expect([...merged.data]).toEqual([0, 1, 1, 0, 1, 0, 0, 1]);
    expect(merged.voxels).toBe(12);
  });
});
