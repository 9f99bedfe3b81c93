// The workbench's analysis job takes the CLI's path: the same ROI and settings (resampling of a
// CT, re-segmentation, outliers, IVH discretisation) give the values roiFeatures gives.
import { describe, expect, it } from 'vitest';
import { roiFeatures } from '../../pipeline/roiFeatures';
import { defaultParams, type FeatureParams } from '../params';
import { rasteriseShape } from '../roi/rasterise';
import { runRoiFeaturesJob } from './roiFeaturesJob';

describe('analysis job with image processing', () => {
  it('equals roiFeatures on the same ROI, CT rounded after cubic resampling', () => {
    const [w, h, d] = [20, 18, 4];
    const values = new Float32Array(w * h * d);
    for (let i = 0; i < values.length; i++) values[i] = Math.round(Math.sin(i * 0.37) * 300 - 50);
    const shape = { kind: 'ellipse', cx: 9.5, cy: 8, rx: 6.5, ry: 6 } as const;
    const params: FeatureParams = {
      ...defaultParams,
      discretisation: { kind: 'bin-width', binWidth: 25 },
      resample: { spacingMm: [0.6, 0.6, 1.5], interpolation: 'cubic', maskThreshold: 0.5 },
      resegment: [-300, null],
      outliers: 3,
      ivhDiscretisation: { kind: 'bin-width', binWidth: 10 },
      aggregation: '2.5d-merged',
    };
    const families = ['intensity-statistics', 'glcm', 'intensity-volume-histogram'] as const;
    const job = runRoiFeaturesJob({
      values,
      width: w,
      height: h,
      spacingMm: [0.8, 0.8, 2],
      shapes: [shape, shape, shape, null],
      params,
      families: [...families],
      histogramBins: 16,
      modality: 'CT',
    });
    const slice = rasteriseShape(shape, w, h);
    const mask = new Uint8Array(w * h * d);
    for (let z = 0; z < 3; z++) mask.set(slice, z * w * h);
    const cli = roiFeatures({ values, mask, dims: [w, h, d], spacingMm: [0.8, 0.8, 2] }, params, {
      modality: 'CT',
      families: [...families],
    });
    expect(job.features).toEqual(cli.features);
    expect(job.roiVoxels).toBe(cli.roiVoxels);
    expect(job.params).toEqual(params);
    // Resampled: the ROI has more, smaller voxels than the 3 slices drawn.
    expect(job.roiVoxels).toBeGreaterThan(3 * slice.reduce((a, b) => a + b, 0));
  });
});
