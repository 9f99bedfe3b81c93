// A 3D ROI from per-slice shapes: each slice's shape is rasterised into its plane of the volume.
import type { Dims } from '../volume';
import { rasteriseShape } from './rasterise';
import type { RoiShape } from './shapes';

export interface SliceRoi {
  /** Slice index along z (0-based, in the series' display order). */
  z: number;
  shape: RoiShape;
}

/** Union of the slice ROIs; slices without a ROI stay empty. */
export function roiStackMask(slices: readonly SliceRoi[], dims: Dims): Uint8Array {
  const [nx, ny, nz] = dims;
  const plane = nx * ny;
  const mask = new Uint8Array(plane * nz);
  for (const { z, shape } of slices) {
    if (z < 0 || z >= nz) continue;
    const m = rasteriseShape(shape, nx, ny);
    const base = z * plane;
    for (let i = 0; i < plane; i++) if (m[i] !== 0) mask[base + i] = 1;
  }
  return mask;
}
