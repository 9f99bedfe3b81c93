// The filter worker's code path in Node: frames as the page sends them (decoded values or the
// files themselves) give the response map and the filtered features the CLI computes.
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../core/analysis/params.ts';
import { decodeFrame } from '../core/dicom/decode.ts';
import { demoSliceFile, newDemoContext } from '../core/dicom/demo/demoSeries.ts';
import { parseInstance } from '../core/dicom/parse.ts';
import { filterResponse } from '../core/filters/applyFilter.ts';
import { filteredRoiFeatures } from '../core/filters/filteredFeatures.ts';
import { parseFilterSpec, filterOptionsFromString } from '../core/filters/spec.ts';
import { VolumeBuilder } from '../core/pipeline/seriesFeatures.ts';
import { ProblemError } from '../core/result.ts';
import type { FrameSource } from './analysis.worker.ts';
import { filteredFeaturesJob, filterResponseJob, responseRange } from './filterJob.ts';

const slices = 5;
const ctx = newDemoContext({ slices, size: 48 });
const files = Array.from({ length: slices }, (_, k) => demoSliceFile(ctx, k));
const metas = files.map((f) => {
  const p = parseInstance(f.bytes, f.name);
  if (!p.ok) throw new Error(p.error.reason);
  return p.meta;
});
const fileSources: FrameSource[] = files.map((f, k) => ({
  kind: 'file',
  blob: new Blob([f.bytes.slice()]),
  meta: metas[k],
  frame: 0,
}));

async function cliVolume() {
  const b = new VolumeBuilder(metas);
  for (let z = 0; z < slices; z++) b.add(z, await decodeFrame(files[z].bytes, metas[z], 0));
  return b.volume();
}

describe('filter worker jobs', () => {
  const text = 'log:sigma=3,boundary=mirror';

  it('gives the response map consilium filter computes, with its range and window', async () => {
    const volume = await cliVolume();
    const steps: string[] = [];
    const r = await filterResponseJob(
      { sources: fileSources, spacingMm: volume.spacingMm, filter: filterOptionsFromString(text) },
      (done, step) => steps.push(`${step}:${done.toFixed(1)}`),
    );
    expect(r.dims).toEqual(volume.dims);
    expect(r.filter).toBe('log:sigma=3,truncate=4,boundary=mirror,dims=3');
    expect(Array.from(r.values)).toEqual(Array.from(filterResponse(volume, parseFilterSpec(text))));
    expect(r.min).toBeLessThan(r.low);
    expect(r.low).toBeLessThan(r.high);
    expect(r.high).toBeLessThanOrEqual(r.max);
    expect(steps).toEqual([
      'read:0.2',
      'read:0.4',
      'read:0.6',
      'read:0.8',
      'read:1.0',
      'filter:0.0',
      'filter:1.0',
    ]);
  });

  it('gives the features of a ROI on the filtered image as consilium features --filter', async () => {
    const volume = await cliVolume();
    const [nx, ny] = volume.dims;
    // Decoded values for the first slices, files for the rest, as the page mixes them.
    const sources: FrameSource[] = await Promise.all(
      fileSources.map(async (s, z) => {
        if (z > 1) return s;
        const values = volume.values.slice(z * nx * ny, (z + 1) * nx * ny);
        return { kind: 'values' as const, values, columns: nx, rows: ny };
      }),
    );
    const rect = { kind: 'rectangle' as const, x: 8, y: 10, width: 20, height: 16 };
    const shapes = [null, rect, rect, rect, null];
    const r = await filteredFeaturesJob({
      sources,
      spacingMm: volume.spacingMm,
      filter: filterOptionsFromString(text),
      shapes,
      params: defaultParams,
      families: ['intensity-statistics'],
      modality: 'CT',
      histogramBins: 16,
    });
    const mask = new Uint8Array(nx * ny * slices);
    for (let z = 1; z < 4; z++)
      for (let y = 10; y < 26; y++)
        mask.fill(1, z * nx * ny + y * nx + 8, z * nx * ny + y * nx + 28);
    const cli = filteredRoiFeatures({ ...volume, mask }, defaultParams, parseFilterSpec(text), {
      modality: 'CT',
      families: ['intensity-statistics'],
    });
    expect(r.roiVoxels).toBe(3 * 16 * 20);
    expect(r.features.map((f) => [f.ibsiCode, f.filter, f.value])).toEqual(
      cli.features.map((f) => [f.ibsiCode, f.filter, f.value]),
    );
    expect(r.features.find((f) => f.ibsiCode === 'Q4LE')?.unit).toBe('response');
    expect(r.histogram.counts.reduce((a, b) => a + b, 0)).toBe(r.roiVoxels);
  });

  it('refuses a bad filter with its one problem', async () => {
    const req = { sources: fileSources, spacingMm: [1, 1, 1] as [number, number, number] };
    await expect(filterResponseJob({ ...req, filter: { filter: 'sobel' } })).rejects.toMatchObject({
      code: 'unknown-filter',
    });
    await expect(
      filterResponseJob({ ...req, filter: filterOptionsFromString('log:sigma=0') }),
    ).rejects.toBeInstanceOf(ProblemError);
    await expect(
      filterResponseJob({
        ...req,
        sources: fileSources.slice(0, 1),
        filter: { filter: 'log', sigma: '2' },
      }),
    ).rejects.toMatchObject({ code: 'filter-needs-volume' });
  });

  it('windows a response between its 1st and 99th percentiles', () => {
    const v = Float32Array.from({ length: 1000 }, (_, i) => i);
    expect(responseRange(v)).toEqual({ min: 0, max: 999, low: 10, high: 990 });
  });
});
