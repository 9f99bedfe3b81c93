// The analysis worker's two jobs on the GPU or the CPU as the user chose: GLCM counting and the
// Canny edge kernels run on the GPU; everything else, and every fallback, on the CPU.
import { canny, type CannyOptions, type EdgeResult } from '../edges/canny.ts';
import type { Image2d } from '../edges/image2d.ts';
import { glcmOverrideGpu } from '../gpu/gpuGlcmJob.ts';
import {
  processedRoiOfJob,
  runRoiFeaturesJob,
  type RoiFeaturesJob,
  type RoiFeaturesResult,
} from './roiFeaturesJob.ts';
import { onGpuOrCpu, type ComputeOn, type ComputedOn } from '../gpu/gpuChoice.ts';

export async function featuresOn(
  job: RoiFeaturesJob,
  choice: ComputeOn,
): Promise<RoiFeaturesResult & { computedOn: ComputedOn }> {
  if (!job.families.includes('glcm')) {
    const on: ComputedOn = { device: 'CPU', note: 'no GPU kernel for the chosen families' };
    return { ...runRoiFeaturesJob(job), computedOn: on };
  }
  const { value, on } = await onGpuOrCpu(
    choice,
    async (gpu) => {
      const roi = processedRoiOfJob(job); // GPU matrices are counted on the resampled ROI
      const glcm = await glcmOverrideGpu(gpu, roi, job.params);
      return runRoiFeaturesJob(job, { glcm }, roi);
    },
    () => runRoiFeaturesJob(job),
  );
  return { ...value, computedOn: on };
}

export async function edgesOn(
  image: Image2d,
  options: CannyOptions,
  choice: ComputeOn,
): Promise<EdgeResult & { computedOn: ComputedOn }> {
  const { value, on } = await onGpuOrCpu(
    choice,
    (gpu) => gpu.canny(image, options),
    () => canny(image, options),
  );
  return { ...value, computedOn: on };
}
