import { describe, expect, it } from 'vitest';
import { computeFeatures } from '../computeFeatures';
import type { FamilyId } from '../featureDef';
import { maskOf, type RoiVolume } from '../volume';
import { cropToMask, maskBounds } from './cropToMask';

/** A 9x7x5 image with an irregular ROI, placed at (x, y, z) in an nx x ny x nz series. */
function embedded(nx: number, ny: number, nz: number, at: [number, number, number]): RoiVolume {
  const values = new Float32Array(nx * ny * nz);
  const mask = new Uint8Array(nx * ny * nz);
  let seed = 7;
  const next = () => (seed = (seed * 16807) % 2147483647);
  for (let i = 0; i < values.length; i++) values[i] = (next() % 400) - 100;
  for (let z = 0; z < 5; z++)
    for (let y = 0; y < 7; y++)
      for (let x = 0; x < 9; x++) {
        const i = at[0] + x + nx * (at[1] + y + ny * (at[2] + z));
        values[i] = ((x * 7 + y * 3 + z * 11) % 13) * 10 + (x + y) * z;
        mask[i] = (x - 4) ** 2 + (y - 3) ** 2 + (z - 2) ** 2 <= 12 ? 1 : 0;
      }
  return { values, mask, dims: [nx, ny, nz], spacingMm: [0.8, 0.8, 2] };
}

const families: FamilyId[] = [
  'intensity-statistics',
  'intensity-histogram',
  'glcm',
  'glrlm',
  'glszm',
  'ngtdm',
  'ngldm',
  'gldzm',
  'intensity-volume-histogram',
];

describe('cropToMask', () => {
  it('finds the box around the mask', () => {
    const roi = embedded(32, 20, 9, [10, 4, 2]);
    expect(maskBounds(maskOf(roi), roi.dims)).toEqual({
      x0: 11,
      x1: 18,
      y0: 4,
      y1: 11,
      z0: 2,
      z1: 7,
    });
    expect(maskBounds(new Uint8Array(30), [5, 3, 2])).toBeNull();
  });

  it('intensity and texture features of a ROI do not depend on the series around it', () => {
    const tight = cropToMask(embedded(9, 7, 5, [0, 0, 0])).roi;
    const wide = embedded(31, 19, 11, [13, 5, 3]);
    for (const aggregation of ['2d-avg', '2.5d-merged', '3d-merged'] as const) {
      const params = {
        discretisation: { kind: 'bin-count', binCount: 8 } as const,
        aggregation,
        distance: 1,
        ngldmAlpha: 0,
      };
      const a = computeFeatures(tight, params, families).features.map((f) => f.value);
      const b = computeFeatures(wide, params, families).features.map((f) => f.value);
      expect(b).toEqual(a);
    }
  });
});
