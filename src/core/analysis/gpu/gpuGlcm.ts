// GLCM counting on the GPU (atomic adds into one levels x levels table per slice and direction);
// the matrices equal glcmMatrices() in ../texture/glcm.ts count for count, and the IBSI feature
// formulas then run on the CPU as usual.
import type { Direction } from '../texture/directions';
import { emptyMatrix, type TextureMatrix } from '../texture/matrix';
import type { DiscreteVolume } from '../volume';
import type { GpuRunner } from './gpuRunner';

const GROUP = 256;

/** Slices to count in-plane (2D and 2.5D aggregation), or the whole volume with 3D steps. */
export type GlcmScope = { slices: readonly number[] } | 'volume';

/** Bytes of the count tables a request needs, to decide before uploading anything. */
export function glcmTableBytes(levelCount: number, directions: number, groups: number): number {
  return 4 * levelCount * levelCount * directions * groups;
}

/**
 * One matrix per direction for each slice in scope (or one list for the volume): result[g][d].
 * Voxel counts are left at 0, as glcmMatrices() leaves them (GLCM features never use them).
 */
export function glcmMatricesGpu(
  runner: GpuRunner,
  volume: DiscreteVolume,
  directions: readonly Direction[],
  scope: GlcmScope,
  distance = 1,
): Promise<TextureMatrix[][]> {
  return runner.scoped(async (gpu) => {
    const [nx, ny, nz] = volume.dims;
    const ng = volume.levelCount;
    const zs = scope === 'volume' ? [0] : scope.slices;
    const perSlice = scope === 'volume' ? 0 : 1;
    const groups = zs.length;
    if (groups === 0 || directions.length === 0 || ng === 0)
      return zs.map(() => directions.map(() => emptyMatrix(ng, ng)));
    const voxels = perSlice ? nx * ny : nx * ny * nz;
    const total = voxels * directions.length * groups;
    if (total >= 2 ** 32) throw new Error('GLCM request too large for one GPU dispatch');
    // Levels travel as they are stored (16-bit), two per 32-bit word; padded to whole words.
    const padded = new Uint16Array(volume.levels.length + (volume.levels.length & 1));
    padded.set(volume.levels);
    const steps = new Int32Array(4 * directions.length);
    directions.forEach(([dx, dy, dz], k) =>
      steps.set([dx * distance, dy * distance, dz * distance, 0], 4 * k),
    );
    const blocks = Math.ceil(total / GROUP);
    const maxX = runner.device.limits.maxComputeWorkgroupsPerDimension;
    const gx = Math.min(blocks, maxX);
    const gy = Math.ceil(blocks / gx);
    const params = new Uint32Array([
      nx,
      ny,
      nz,
      ng,
      directions.length,
      perSlice,
      total,
      gx * GROUP,
    ]);
    const counts = gpu.storage(glcmTableBytes(ng, directions.length, groups));
    const [bytes] = await gpu.run(
      [
        {
          kernel: 'glcm',
          buffers: [
            gpu.uniform(params),
            gpu.storage(new Uint32Array(padded.buffer)),
            gpu.storage(steps),
            gpu.storage(Uint32Array.from(zs)),
            counts,
          ],
          groups: [gx, gy],
        },
      ],
      [counts],
    );
    const table = new Uint32Array(bytes);
    const size = ng * ng;
    return zs.map((_, g) =>
      directions.map((_, d) => {
        const m = emptyMatrix(ng, ng);
        const base = (g * directions.length + d) * size;
        for (let i = 0; i < size; i++) m.data[i] = table[base + i];
        return m;
      }),
    );
  });
}
