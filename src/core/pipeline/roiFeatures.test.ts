import { describe, expect, it } from 'vitest';
import { computeFeatures } from '../analysis/computeFeatures.ts';
import type { FeatureParams } from '../analysis/params.ts';
import { resampleGrid } from '../analysis/processing/grid.ts';
import { resampleValues } from '../analysis/processing/resample.ts';
import { roundHalfEven } from '../analysis/processing/roundHalfEven.ts';
import { maskOf, type RoiVolume } from '../analysis/volume.ts';
import { roiFeatures } from './roiFeatures.ts';

/** A 40 x 36 x 12 CT at 0.8 x 0.8 x 2.5 mm with an ellipsoid ROI off centre. */
function ct(): RoiVolume {
  const [nx, ny, nz] = [40, 36, 12];
  const values = new Float32Array(nx * ny * nz);
  const mask = new Uint8Array(nx * ny * nz);
  for (let z = 0; z < nz; z++)
    for (let y = 0; y < ny; y++)
      for (let x = 0; x < nx; x++) {
        const i = x + nx * (y + ny * z);
        values[i] = Math.round(30 + 80 * Math.sin(x * 0.4) * Math.cos(y * 0.3) + 15 * z);
        const r = ((x - 22) / 9) ** 2 + ((y - 15) / 7) ** 2 + ((z - 6) / 3) ** 2;
        mask[i] = r <= 1 ? 1 : 0;
      }
  return { values, mask, dims: [nx, ny, nz], spacingMm: [0.8, 0.8, 2.5] };
}

const params: FeatureParams = {
  discretisation: { kind: 'bin-width', binWidth: 10 },
  resegment: [-50, null],
  aggregation: '3d-merged',
  distance: 1,
  ngldmAlpha: 0,
  resample: { spacingMm: [1, 1, 1], interpolation: 'linear', maskThreshold: 0.5 },
};

describe('one ROI → processed → features', () => {
  it('computing only the grid around the ROI gives the features of the whole resampled image', () => {
    const roi = ct();
    const record = roiFeatures(roi, params, { modality: 'CT' });
    expect(record.spacingMm).toEqual([1, 1, 1]);
    expect(record.params).toBe(params);
    // The whole image on the new grid, then the same features.
    const grid = resampleGrid(roi.dims, roi.spacingMm, [1, 1, 1]);
    const image = resampleValues(roi.values, roi.dims, grid, 'linear');
    roundHalfEven(image.values);
    const fractions = resampleValues(maskOf(roi), roi.dims, grid, 'linear').values;
    const mask = Uint8Array.from(fractions, (f) => (f >= 0.5 - 1e-6 ? 1 : 0));
    const whole = computeFeatures({ ...image, mask, spacingMm: grid.spacingMm }, params);
    expect(record.roiVoxels).toBe(whole.roiVoxels);
    // Equal up to summation order (positions in the cut start elsewhere).
    expect(record.features.map((f) => f.name)).toEqual(whole.features.map((f) => f.name));
    record.features.forEach((f, k) => {
      const w = whole.features[k].value;
      expect(Math.abs(f.value - w), f.name).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(w)));
    });
    // Local intensity reads the image around the ROI: it is in the cut.
    expect(record.dims[0]).toBeLessThan(grid.dims[0]);
  });

  it('CT is rounded to whole HU after interpolation, other modalities are not', () => {
    const roi = ct();
    const cubic: FeatureParams = {
      ...params,
      resample: { spacingMm: [0.7, 0.7], interpolation: 'cubic', maskThreshold: 0.5 },
    };
    const meanOf = (modality: string) =>
      roiFeatures(roi, cubic, { modality }).features.find((f) => f.ibsiCode === 'Q4LE')!.value;
    const minOf = (modality: string) =>
      roiFeatures(roi, cubic, { modality }).features.find((f) => f.ibsiCode === '1GSF')!.value;
    expect(Number.isInteger(minOf('CT'))).toBe(true);
    expect(Number.isInteger(minOf('MR'))).toBe(false);
    expect(Math.abs(meanOf('CT') - meanOf('MR'))).toBeLessThan(0.5);
  });

  it('reports the IVH in HU for CT, grey levels with an IVH bin count', () => {
    const roi = ct();
    const ivhOf = (p: FeatureParams) =>
      roiFeatures(roi, p, { modality: 'CT' }).features.filter(
        (f) => f.family === 'intensity-volume-histogram',
      );
    const hu = ivhOf(params);
    expect(hu.find((f) => f.ibsiCode === 'GBPN')!.unit).toBe('I');
    const levels = ivhOf({ ...params, ivhDiscretisation: { kind: 'bin-count', binCount: 1000 } });
    expect(levels.find((f) => f.ibsiCode === 'GBPN')!.unit).toBe('');
    for (const f of levels.filter((x) => x.ibsiCode === 'GBPN')) {
      expect(f.value).toBeGreaterThanOrEqual(1);
      expect(f.value).toBeLessThanOrEqual(1001);
    }
  });

  it('refuses settings no grid can follow', () => {
    const roi = ct();
    const bad = (resample: FeatureParams['resample']) => () =>
      roiFeatures(roi, { ...params, resample }, { modality: 'CT' });
    expect(bad({ spacingMm: [1], interpolation: 'linear', maskThreshold: 0.5 })).toThrow(
      /2 or 3 spacings/,
    );
    expect(bad({ spacingMm: [1, 1], interpolation: 'linear', maskThreshold: 0 })).toThrow(
      /mask threshold/,
    );
  });
});
