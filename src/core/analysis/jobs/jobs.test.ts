import { describe, expect, it } from 'vitest';
import { computeFeatures } from '../computeFeatures';
import { defaultParams } from '../params';
import { rasteriseShape } from '../roi/rasterise';
import { jobKey } from './jobKey';
import { roiHistogram } from './roiHistogram';
import { runRoiFeaturesJob } from './roiFeaturesJob';

function ramp(w: number, h: number, offset: number): Float32Array {
  const v = new Float32Array(w * h);
  for (let i = 0; i < v.length; i++) v[i] = ((i * 7 + offset) % 23) * 10 - 100;
  return v;
}

describe('analysis jobs', () => {
  it('a one-slice job gives the same features as computeFeatures on the rasterised ROI', () => {
    const shape = { kind: 'rectangle', x: 2, y: 3, width: 10, height: 8 } as const;
    const params = { ...defaultParams, aggregation: '2d-avg' as const };
    const values = ramp(16, 16, 0);
    const job = runRoiFeaturesJob({
      values,
      width: 16,
      height: 16,
      spacingMm: [1, 1, 2],
      shapes: [shape],
      params,
      families: ['intensity-statistics', 'glcm'],
      histogramBins: 8,
    });
    const direct = computeFeatures(
      { values, mask: rasteriseShape(shape, 16, 16), dims: [16, 16, 1], spacingMm: [1, 1, 2] },
      params,
      ['intensity-statistics', 'glcm'],
    );
    expect(job.features).toEqual(direct.features);
    expect(job.roiVoxels).toBe(80);
    expect(job.histogram.counts.reduce((a, b) => a + b, 0)).toBe(80);
  });

  it('slices without a shape stay outside a 3D ROI', () => {
    const shape = { kind: 'whole' } as const;
    const job = runRoiFeaturesJob({
      values: Float32Array.from([...ramp(8, 8, 0), ...ramp(8, 8, 5), ...ramp(8, 8, 9)]),
      width: 8,
      height: 8,
      spacingMm: [1, 1, 1],
      shapes: [shape, null, shape],
      params: defaultParams,
      families: ['intensity-statistics'],
      histogramBins: 4,
    });
    expect(job.roiVoxels).toBe(128);
  });

  it('histogram bins cover the ROI range, the maximum in the last bin', () => {
    const h = roiHistogram(new Float32Array([0, 1, 2, 3, 100]), new Uint8Array([1, 1, 1, 1, 0]), 3);
    expect(h).toEqual({ min: 0, max: 3, counts: [1, 1, 2] });
  });

  it('job keys ignore key order and change with any value', () => {
    expect(jobKey({ a: 1, b: [1, 2] })).toBe(jobKey({ b: [1, 2], a: 1 }));
    expect(jobKey({ a: 1, b: [1, 2] })).not.toBe(jobKey({ a: 1, b: [2, 1] }));
    expect(jobKey({ a: 1 })).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('edge colours', () => {
  it('edge pixels take the colour, others stay transparent', async () => {
    const { edgeRgba } = await import('./edgeRgba');
    expect([...edgeRgba(new Uint8Array([0, 1]), '#00ff66')]).toEqual([
      0, 0, 0, 0, 0, 255, 102, 255,
    ]);
  });
});
