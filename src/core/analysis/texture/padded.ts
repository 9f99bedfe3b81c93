// Grey levels of one slice (z >= 0) or the whole volume (z = -1) copied into a frame of zeros
// `pad` voxels wide (in-plane only for a slice), so that neighbour and run kernels step by a
// fixed flat offset with no coordinate checks: a step off the region lands on a 0, which is
// outside the ROI like everything beyond it.
import type { DiscreteVolume } from '../volume';

export interface PaddedLevels {
  levels: Uint16Array;
  /** Region size along x, y and z (1 slice for z >= 0), without the frame. */
  nx: number;
  ny: number;
  nz: number;
  /** Padded row length and plane size: the flat steps of y and z. */
  rowStep: number;
  planeStep: number;
  /** Padded index of the region's voxel (0, 0, 0). */
  origin: number;
}

export function padLevels(volume: DiscreteVolume, z: number, pad: number): PaddedLevels {
  const [nx, ny, nzAll] = volume.dims;
  const nz = z >= 0 ? 1 : nzAll;
  const z0 = z >= 0 ? z : 0;
  const padZ = z >= 0 ? 0 : pad;
  const rowStep = nx + 2 * pad;
  const planeStep = rowStep * (ny + 2 * pad);
  const levels = new Uint16Array(planeStep * (nz + 2 * padZ));
  const origin = pad + pad * rowStep + padZ * planeStep;
  for (let zz = 0; zz < nz; zz++) {
    for (let y = 0; y < ny; y++) {
      const from = nx * (y + ny * (z0 + zz));
      levels.set(volume.levels.subarray(from, from + nx), origin + y * rowStep + zz * planeStep);
    }
  }
  return { levels, nx, ny, nz, rowStep, planeStep, origin };
}

/** Flat padded offset of a step (dx, dy, dz). */
export function paddedOffset(p: PaddedLevels, dx: number, dy: number, dz: number): number {
  return dx + p.rowStep * dy + p.planeStep * dz;
}
