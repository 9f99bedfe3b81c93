// `consilium analyze --filter`'s recipe: a series gives its whole-image record and one more per
// filter, the filtered values are those of the filter's own feature path, and a bundle keeps
// both apart (the filter in the ROI name and the parameters).
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../analysis/params.ts';
import { verifyBundle } from '../bundle/verifyBundle.ts';
import { decodeFrame } from '../dicom/decode.ts';
import { demoSliceFile, newDemoContext } from '../dicom/demo/demoSeries.ts';
import { parseInstance } from '../dicom/parse.ts';
import { filteredRoiFeatures } from '../filters/filteredFeatures.ts';
import { parseFilterSpec } from '../filters/spec.ts';
import { bundleFromResults } from './bundleFromResults.ts';
import { seriesResults } from './seriesResults.ts';
import { VolumeBuilder } from './seriesFeatures.ts';

function demoSeries(slices: number, size: number) {
  const ctx = newDemoContext({ slices, size });
  const files = Array.from({ length: slices }, (_, k) => demoSliceFile(ctx, k));
  const parsed = files.map((f) => {
    const p = parseInstance(f.bytes, f.name);
    if (!p.ok) throw new Error(p.error.reason);
    return { meta: p.meta, bytes: f.bytes };
  });
  return {
    seriesInstanceUid: ctx.seriesInstanceUID,
    metas: parsed.map((p) => p.meta),
    frame: (i: number) => decodeFrame(parsed[i].bytes, parsed[i].meta, 0),
  };
}

describe('filtered whole-image features of a series', () => {
  const log = parseFilterSpec('log:sigma=2,boundary=mirror');
  const mean = parseFilterSpec('mean:support=3,2d');

  it('adds one record per filter, valued as the filter feature path values it', async () => {
    const series = demoSeries(4, 32);
    const r = await seriesResults(series, { features: defaultParams, filters: [log, mean] }, []);
    expect(r.problems).toEqual([]);
    expect(r.features.map((f) => f.roi.name)).toEqual([
      'whole-image',
      'whole-image [log:sigma=2,truncate=4,boundary=mirror,dims=3]',
      'whole-image [mean:support=3,boundary=mirror,dims=2]',
    ]);
    const builder = new VolumeBuilder(series.metas);
    for (let z = 0; z < 4; z++) builder.add(z, await series.frame(z));
    const volume = builder.volume();
    const direct = filteredRoiFeatures(
      { ...volume, mask: new Uint8Array(volume.values.length).fill(1) },
      defaultParams,
      log,
      { modality: 'CT', families: ['intensity-statistics'] },
    );
    const filtered = r.features[1].set;
    expect(filtered.features.map((f) => [f.ibsiCode, f.value])).toEqual(
      direct.features.map((f) => [f.ibsiCode, f.value]),
    );
    expect(filtered.features.every((f) => f.family === 'intensity-statistics')).toBe(true);
    // The filtered mean is not the image's mean (a LoG response centres near 0).
    const meanOf = (set: typeof filtered) => set.features.find((f) => f.ibsiCode === 'Q4LE')!.value;
    expect(meanOf(filtered)).not.toBeCloseTo(meanOf(r.features[0].set), 1);
    expect((filtered.params as { filter?: string }).filter).toBe(direct.filter);
  });

  it('keeps filtered and unfiltered values apart in the bundle', async () => {
    const r = await seriesResults(
      demoSeries(3, 16),
      { features: defaultParams, filters: [log] },
      [],
    );
    const bytes = await bundleFromResults({
      center: 'Center F',
      secret: new TextEncoder().encode('k'),
      features: r.features,
      predictions: [],
      labels: {},
      reportDates: 'remove',
    });
    const v = await verifyBundle(bytes);
    if (!v.ok) throw new Error(v.error.reason);
    const results = v.bundle.manifest.results.features;
    expect(results.map((f) => f.roi)).toEqual([
      'whole-image',
      'whole-image [log:sigma=2,truncate=4,boundary=mirror,dims=3]',
    ]);
    expect(results[1].params.filter).toBe('log:sigma=2,truncate=4,boundary=mirror,dims=3');
    expect(results[0].paramsHash).not.toBe(results[1].paramsHash);
    const q4le = results.map((f) => f.features.find((x) => x.code === 'Q4LE')?.value);
    expect(q4le[0]).not.toBe(q4le[1]);
  });

  it('reports a 3D filter on a single slice as one problem beside the unfiltered record', async () => {
    const r = await seriesResults(
      demoSeries(1, 16),
      { features: defaultParams, filters: [log] },
      [],
    );
    expect(r.features.map((f) => f.roi.name)).toEqual(['whole-image']);
    expect(r.problems.map((p) => [p.code, p.params.filter])).toEqual([
      ['filter-needs-volume', 'log'],
    ]);
  });
});
