// The morphology family alone (mesh, convex hull, maximum diameter, Moran's I / Geary's C) on the
// demo CT as analysisJobs.bench.ts builds it: the whole 256² slice, a 64² rectangle in it, a 140²
// one (19,600 voxels, where Moran's I / Geary's C dominate), and the 64² rectangle over 40
// slices (3D merged). Single thread.
import { runRoiFeaturesJob } from '../src/core/analysis/jobs/roiFeaturesJob.ts';
import type { RoiShape } from '../src/core/analysis/roi/shapes.ts';
import { decodeFrame } from '../src/core/dicom/decode.ts';
import { demoSliceFile, newDemoContext } from '../src/core/dicom/demo/demoSeries.ts';
import { parseInstance } from '../src/core/dicom/parse.ts';
import { medianMs, report } from './report.ts';

async function demoSlices(n: number): Promise<Float32Array[]> {
  const ctx = newDemoContext({ slices: n, size: 256 });
  const out: Float32Array[] = [];
  for (let k = 0; k < n; k++) {
    const f = demoSliceFile(ctx, k);
    const p = parseInstance(f.bytes, f.name);
    if (!p.ok) throw new Error(p.error.reason);
    out.push((await decodeFrame(f.bytes, p.meta, 0)).values);
  }
  return out;
}

function job(slices: Float32Array[], shape: RoiShape, aggregation: '2d-avg' | '3d-merged') {
  const values = new Float32Array(256 * 256 * slices.length);
  slices.forEach((s, z) => values.set(s, z * 256 * 256));
  return () =>
    runRoiFeaturesJob({
      values,
      width: 256,
      height: 256,
      spacingMm: [1.367188, 1.367188, 2.5],
      shapes: slices.map(() => shape),
      params: {
        discretisation: { kind: 'bin-count', binCount: 32 },
        aggregation,
        distance: 1,
        ngldmAlpha: 0,
      },
      families: ['morphology'],
      histogramBins: 64,
    });
}

export async function run(): Promise<void> {
  const slices = await demoSlices(40);
  const mid = [slices[20]];
  const rect: RoiShape = { kind: 'rectangle', x: 96, y: 96, width: 64, height: 64 };
  const rect140: RoiShape = { kind: 'rectangle', x: 58, y: 58, width: 140, height: 140 };
  const cases = [
    { name: 'morphology-slice-whole', fn: job(mid, { kind: 'whole' }, '2d-avg'), voxels: 65536 },
    { name: 'morphology-slice-rect64', fn: job(mid, rect, '2d-avg'), voxels: 4096 },
    { name: 'morphology-slice-rect140', fn: job(mid, rect140, '2d-avg'), voxels: 19600 },
    { name: 'morphology-3d-rect64x40', fn: job(slices, rect, '3d-merged'), voxels: 4096 * 40 },
  ];
  for (const c of cases) {
    report({
      bench: 'morphology',
      name: c.name,
      voxels: c.voxels,
      ms: Math.round((await medianMs(c.fn, 9)) * 10) / 10,
    });
  }
}
