// The GLCM matrices of a feature job counted on the GPU before the (synchronous) feature
// computation runs: every slice or the volume the job's aggregation will ask for, then handed
// to computeFeatures as an override that looks them up.
import { discretise, resegment } from '../discretise';
import { resegmentationRange } from '../processing/resegment';
import type { FeatureParams } from '../params';
import type { MatricesOf } from '../texture/aggregate';
import { directions2d, directions3d } from '../texture/directions';
import type { TextureMatrix } from '../texture/matrix';
import type { RoiVolume } from '../volume';
import type { GpuKernels } from './gpuKernels';

export async function glcmOverrideGpu(
  gpu: GpuKernels,
  roi: RoiVolume,
  params: FeatureParams,
): Promise<MatricesOf> {
  // The same discretisation computeFeatures does, so the counts are of the same levels.
  const mask = resegment(roi, resegmentationRange(roi, params));
  const discrete = discretise(roi, mask, params.discretisation, params.resegment);
  const byZ = new Map<number, TextureMatrix[]>();
  const volume = params.aggregation.startsWith('3d');
  if (volume) {
    const [ms] = await gpu.glcmMatrices(discrete, directions3d, 'volume', params.distance);
    byZ.set(-1, ms);
  } else {
    const [nx, ny, nz] = discrete.dims;
    const slices: number[] = [];
    for (let z = 0; z < nz; z++) {
      if (discrete.levels.subarray(z * nx * ny, (z + 1) * nx * ny).some((l) => l > 0))
        slices.push(z);
    }
    const ms = await gpu.glcmMatrices(discrete, directions2d, { slices }, params.distance);
    slices.forEach((z, k) => byZ.set(z, ms[k]));
  }
  const expected = volume ? directions3d : directions2d;
  return (dirs, z) => {
    const ms = byZ.get(z);
    // The aggregation asks for exactly what was counted; anything else is a programming error.
    if (!ms || dirs !== expected) throw new Error(`no GPU GLCM counted for slice ${z}`);
    return ms;
  };
}
