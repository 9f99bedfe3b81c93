import { describe, expect, it } from 'vitest';
import { computeFeatures } from '../computeFeatures';
import { resegment } from '../discretise';
import type { RoiVolume } from '../volume';
import { resegmentationRange } from './resegment';

// Nine voxels at 0 and one at 100: mean 10, population SD 30.
const roi: RoiVolume = {
  values: Float32Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 100]),
  mask: new Uint8Array(10).fill(1),
  dims: [10, 1, 1],
  spacingMm: [1, 1, 1],
};

describe('re-segmentation', () => {
  it('outliers: mean ± k SD of the ROI', () => {
    expect(resegmentationRange(roi, { outliers: 3 })).toEqual([-80, 100]);
    const range = resegmentationRange(roi, { outliers: 2 });
    expect(range).toEqual([-50, 70]);
    expect([...resegment(roi, range)]).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
  });

  it('range and outliers combine as the tighter of each bound; open bounds are null', () => {
    expect(resegmentationRange(roi, { resegment: [null, 50], outliers: 2 })).toEqual([-50, 50]);
    expect(resegmentationRange(roi, { resegment: [-10, null], outliers: 2 })).toEqual([-10, 70]);
    expect([...resegment(roi, [50, null])]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(resegmentationRange(roi, { resegment: [1, 2] })).toEqual([1, 2]);
  });

  it('an empty ROI after re-segmentation is one error that names the settings', () => {
    expect(() =>
      computeFeatures(roi, {
        discretisation: { kind: 'bin-count', binCount: 8 },
        resegment: [200, null],
        aggregation: '3d-merged',
        distance: 1,
        ngldmAlpha: 0,
      }),
    ).toThrow(/No voxel .* left after re-segmentation by the range \[200, ∞\]/);
  });
});
