import { describe, expect, it } from 'vitest';
import { computeFeatures } from '../core/analysis/computeFeatures.ts';
import type { FamilyId } from '../core/analysis/featureDef.ts';
import { defaultParams } from '../core/analysis/params.ts';
import { familyDefs } from '../core/analysis/registry.ts';
import type { RoiVolume } from '../core/analysis/volume.ts';
import { computeFeaturesInThreads, familyGroups } from './familyThreads.ts';
import { familyUnits } from './familyUnits.ts';

/** A small CT-like volume: a noisy body with a denser core, the mask a ball inside it. */
function ctLike(): RoiVolume {
  const dims = [40, 36, 10] as const;
  const [nx, ny, nz] = dims;
  const values = new Float32Array(nx * ny * nz);
  const mask = new Uint8Array(values.length);
  let s = 9;
  const rand = (): number => (s = (s * 1103515245 + 12345) >>> 0) / 4294967296;
  for (let z = 0, i = 0; z < nz; z++)
    for (let y = 0; y < ny; y++)
      for (let x = 0; x < nx; x++, i++) {
        const r = Math.hypot(x - nx / 2, y - ny / 2, (z - nz / 2) * 3);
        values[i] = (r < 8 ? 300 : r < 16 ? 40 : -1000) + Math.round((rand() - 0.5) * 60);
        mask[i] = r < 15 ? 1 : 0;
      }
  return { values, mask, dims, spacingMm: [0.8, 0.8, 2] };
}

const all = Object.keys(familyDefs) as FamilyId[];

describe('families in threads', () => {
  it('give the same values, in the same order, as one thread', async () => {
    const roi = ctLike();
    const one = computeFeatures(roi, defaultParams, all);
    const three = await computeFeaturesInThreads(roi, defaultParams, all, 3, 0);
    expect(JSON.stringify(three)).toBe(JSON.stringify(one));
    const some: FamilyId[] = ['gldzm', 'intensity-statistics', 'glszm', 'glrlm'];
    expect(JSON.stringify(await computeFeaturesInThreads(roi, defaultParams, some, 2, 0))).toBe(
      JSON.stringify(computeFeatures(roi, defaultParams, some)),
    );
  });

  it('give the same values on a whole image and after re-segmentation', async () => {
    const roi = { ...ctLike(), mask: new Uint8Array(40 * 36 * 10).fill(1) };
    const some: FamilyId[] = ['intensity-statistics', 'glrlm', 'morphology', 'ngtdm'];
    const resegmented = { ...defaultParams, resegment: [-100, null] as const };
    for (const params of [defaultParams, resegmented])
      expect(JSON.stringify(await computeFeaturesInThreads(roi, params, some, 2, 0))).toBe(
        JSON.stringify(computeFeatures(roi, params, some)),
      );
  });

  it("fail with one thread's error", async () => {
    const roi = ctLike();
    const bad = { ...defaultParams, discretisation: { kind: 'bin-width', binWidth: -1 } as const };
    await expect(computeFeaturesInThreads(roi, bad, ['glcm', 'glrlm'], 2, 0)).rejects.toThrow(
      /Bin width must be positive/,
    );
  });

  it('keep GLSZM and GLDZM together and use no more groups than threads', () => {
    const groups = familyGroups(all, 3);
    expect(groups).toHaveLength(3);
    expect(groups.flat().sort()).toEqual([...all].sort());
    const zones = groups.find((g) => g.includes('glszm'));
    expect(zones).toContain('gldzm');
    expect(groups.find((g) => g.includes('ngtdm'))).toContain('ngldm');
    expect(familyGroups(['glcm'], 4)).toEqual([['glcm']]);
  });

  it('compute a group a unit at a time, the families of a pair in one unit', () => {
    expect(familyUnits(['ngldm', 'glcm', 'glszm', 'ngtdm', 'gldzm'])).toEqual([
      ['ngldm', 'ngtdm'],
      ['glcm'],
      ['glszm', 'gldzm'],
    ]);
  });
});
