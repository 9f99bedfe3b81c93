// The morphology family alone (mesh, convex hull, maximum diameter, Moran's I / Geary's C) on the
// demo CT as analysisJobs.bench.ts builds it: the whole 256² slice, a 64² rectangle in it, a 140²
// one (19,600 voxels, where Moran's I / Geary's C dominate), and the 64² rectangle over 40
// slices (3D merged). Single thread.
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
}
