// The morphology family alone (mesh, convex hull, maximum diameter, Moran's I / Geary's C) on the
// demo CT as analysisJobs.bench.ts builds it: the whole 256² slice, a 64² rectangle in it, a 140²
// one (19,600 voxels, where Moran's I / Geary's C dominate), and the 64² rectangle over 40
// slices (3D merged). Single thread. Then Moran's I / Geary's C alone on ellipsoids of about
// 50,000 and 100,000 voxels of the demo CT: the exact sums by FFT (what morphology runs), and
// once each the same sums pair by pair in WebAssembly (by runs), for comparison.
import {
  autocorrelation,
  planAutocorrelation,
} from '../src/core/analysis/morphology/autocorrelation.ts';
import type { RoiShape } from '../src/core/analysis/roi/shapes.ts';
import { demoJob, demoSlices } from './demoCtJob.ts';
import { medianMs, report } from './report.ts';

const morphology = ['morphology'] as const;

export async function run(): Promise<void> {
  const slices = await demoSlices(40);
  const mid = [slices[20]];
  const rect: RoiShape = { kind: 'rectangle', x: 96, y: 96, width: 64, height: 64 };
  const rect140: RoiShape = { kind: 'rectangle', x: 58, y: 58, width: 140, height: 140 };
  const cases = [
    {
      name: 'morphology-slice-whole',
      fn: demoJob(mid, { kind: 'whole' }, '2d-avg', morphology),
      voxels: 65536,
    },
    { name: 'morphology-slice-rect64', fn: demoJob(mid, rect, '2d-avg', morphology), voxels: 4096 },
    {
      name: 'morphology-slice-rect140',
      fn: demoJob(mid, rect140, '2d-avg', morphology),
      voxels: 19600,
    },
    {
      name: 'morphology-3d-rect64x40',
      fn: demoJob(slices, rect, '3d-merged', morphology),
      voxels: 4096 * 40,
    },
  ];
  for (const c of cases) {
    report({
      bench: 'morphology',
      name: c.name,
      voxels: c.voxels,
      ms: Math.round((await medianMs(c.fn, 9)) * 10) / 10,
    });
  }
  const spacing: [number, number, number] = [1.367188, 1.367188, 2.5];
  const dims: [number, number, number] = [256, 256, slices.length];
  const volume = new Float32Array(256 * 256 * slices.length);
  slices.forEach((sl, z) => volume.set(sl, z * 256 * 256));
  for (const [name, r] of [
    ['autocorrelation-ellipsoid-50k', [28, 28, 15]],
    ['autocorrelation-ellipsoid-100k', [36, 36, 19]],
  ] as const) {
    const mask = new Uint8Array(volume.length);
    const values: number[] = [];
    for (let z = 0, i = 0; z < dims[2]; z++)
      for (let y = 0; y < 256; y++)
        for (let x = 0; x < 256; x++, i++) {
          const e = ((x - 128) / r[0]) ** 2 + ((y - 128) / r[1]) ** 2 + ((z - 19.5) / r[2]) ** 2;
          if (e > 1) continue;
          mask[i] = 1;
          values.push(volume[i]);
        }
    const v = Float64Array.from(values);
    const plan = planAutocorrelation(mask, dims, v.length);
    let result: [number, number] = [NaN, NaN];
    const ms = await medianMs(() => (result = autocorrelation(v, mask, dims, spacing)), 5);
    const t0 = performance.now();
    const pairs = autocorrelation(v, mask, dims, spacing, 8);
    const pairsMs = performance.now() - t0;
    report({
      bench: 'morphology',
      name,
      voxels: v.length,
      plan,
      ms: Math.round(ms * 10) / 10,
      pairsByRunsMs: Math.round(pairsMs),
      moran: result[0],
      geary: result[1],
      largestRelativeDifference: Math.max(
        Math.abs(result[0] / pairs[0] - 1),
        Math.abs(result[1] / pairs[1] - 1),
      ),
    });
  }
}
