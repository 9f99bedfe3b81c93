// The job an analysis worker runs for one slice of the demo CT (256², whole image and a 64²
// rectangle): the Analysis tab's default families, 32 bins, 2D averaged; and one 3D job over
// 40 slices. Single thread; the tab runs one such job per core.
import { defaultFamilies } from '../src/core/analysis/registry.ts';
import type { RoiShape } from '../src/core/analysis/roi/shapes.ts';
import { demoJob, demoSlices } from './demoCtJob.ts';
import { medianMs, report } from './report.ts';

export async function run(): Promise<void> {
  const slices = await demoSlices(40);
  const mid = [slices[20]];
  const rect: RoiShape = { kind: 'rectangle', x: 96, y: 96, width: 64, height: 64 };
  const cases = [
    {
      name: 'roi-job-slice-whole',
      ms: await medianMs(demoJob(mid, { kind: 'whole' }, '2d-avg', defaultFamilies), 5),
      voxels: 65536,
    },
    {
      name: 'roi-job-slice-rect64',
      ms: await medianMs(demoJob(mid, rect, '2d-avg', defaultFamilies), 9),
      voxels: 4096,
    },
    {
      name: 'roi-job-3d-rect64x40',
      ms: await medianMs(demoJob(slices, rect, '3d-merged', defaultFamilies), 3),
      voxels: 4096 * 40,
    },
  ];
  for (const c of cases)
    report({
      bench: 'analysis-jobs',
      name: c.name,
      voxels: c.voxels,
      ms: Math.round(c.ms * 10) / 10,
    });
}
