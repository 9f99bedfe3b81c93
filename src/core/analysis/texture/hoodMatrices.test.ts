// One neighbourhood pass for NGTDM and NGLDM must give each family's own matrices, and the
// features computed with both families asked for must equal those computed one at a time.
import { describe, expect, it } from 'vitest';
import { computeFeatures } from '../computeFeatures';
import { defaultParams } from '../params';
import type { DiscreteVolume, RoiVolume } from '../volume';
import { hoodMatrices } from './hoodMatrices';
import { ngldmMatrix } from './ngldm';
import { ngtdmMatrix } from './ngtdm';

/** Random levels 1..6 with a few voxels outside the ROI (0), seeded. */
function randomLevels(dims: [number, number, number], seed: number): DiscreteVolume {
  let s = seed;
  const levels = new Uint16Array(dims[0] * dims[1] * dims[2]);
  for (let i = 0; i < levels.length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    levels[i] = s % 10 === 0 ? 0 : 1 + ((s >>> 8) % 6);
  }
  return { levels, dims, spacingMm: [1, 1, 2], levelCount: 6 };
}

describe('hoodMatrices', () => {
  const volume = randomLevels([13, 11, 7], 7);
  for (const [z, distance, alpha] of [
    [-1, 1, 0],
    [-1, 2, 1],
    [3, 1, 2],
  ]) {
    it(`equals NGTDM and NGLDM counted alone (z ${z}, distance ${distance}, alpha ${alpha})`, () => {
      const both = hoodMatrices(volume, z, distance, alpha);
      expect(both).not.toBeNull();
      const ngtdm = ngtdmMatrix(volume, z, distance);
      const ngldm = ngldmMatrix(volume, z, distance, alpha);
      expect([...both!.ngtdm.data]).toEqual([...ngtdm.data]);
      expect(both!.ngtdm.voxels).toBe(ngtdm.voxels);
      expect([...both!.ngldm.data]).toEqual([...ngldm.data]);
      expect(both!.ngldm.voxels).toBe(ngldm.voxels);
      expect(ngtdm.voxels).toBeGreaterThan(0);
    });
  }

  it('leaves the features of computeFeatures unchanged (3D and 2D aggregation)', () => {
    let s = 3;
    const values = new Int16Array(15 * 12 * 6).map(() => {
      s = (s * 1103515245 + 12345) >>> 0;
      return (s >>> 16) % 200;
    });
    const roi: RoiVolume = { values, dims: [15, 12, 6], spacingMm: [1, 1, 2] };
    for (const params of [
      { ...defaultParams, ngldmAlpha: 1 },
      { ...defaultParams, aggregation: '2d-avg' as const },
    ]) {
      const together = computeFeatures(roi, params, ['ngtdm', 'ngldm']).features;
      const alone = [
        ...computeFeatures(roi, params, ['ngtdm']).features,
        ...computeFeatures(roi, params, ['ngldm']).features,
      ];
      expect(together.map((f) => f.value)).toEqual(alone.map((f) => f.value));
    }
  });
});
