// A ROI cut down to the smallest box that holds its mask. Kernels that only look at voxels in the
// mask and at whether their neighbours are in it (grey levels, texture matrices, statistics) give
// the same result on the box, where a small ROI in a large series no longer costs the series.
import { valuesLike, type Dims, type RoiVolume } from '../volume';

/** Half-open voxel box: [x0, x1) x [y0, y1) x [z0, z1). */
export interface VoxelBox {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  z0: number;
  z1: number;
}

/** Whether row [start, start + n) of mask holds a non-zero byte, read a word at a time. */
function rowHasVoxel(
  mask: Uint8Array,
  words: Uint32Array | null,
  start: number,
  n: number,
): boolean {
  if (words) {
    for (let w = start >> 2, end = (start + n) >> 2; w < end; w++) if (words[w] !== 0) return true;
    return false;
  }
  for (let i = start, end = start + n; i < end; i++) if (mask[i] !== 0) return true;
  return false;
}

/** The smallest box holding every non-zero voxel of mask, or null when the mask is empty. */
export function maskBounds(mask: Uint8Array, dims: Dims): VoxelBox | null {
  const [nx, ny, nz] = dims;
  // Whole rows as 32-bit words when they are aligned to them.
  const words =
    nx % 4 === 0 && mask.byteOffset % 4 === 0
      ? new Uint32Array(mask.buffer, mask.byteOffset, mask.length >> 2)
      : null;
  const box: VoxelBox = { x0: nx, x1: 0, y0: ny, y1: 0, z0: nz, z1: 0 };
  for (let z = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++) {
      const row = nx * (y + ny * z);
      if (!rowHasVoxel(mask, words, row, nx)) continue;
      let a = 0;
      while (mask[row + a] === 0) a++;
      let b = nx;
      while (mask[row + b - 1] === 0) b--;
      if (a < box.x0) box.x0 = a;
      if (b > box.x1) box.x1 = b;
      if (y < box.y0) box.y0 = y;
      if (y >= box.y1) box.y1 = y + 1;
      if (z < box.z0) box.z0 = z;
      box.z1 = z + 1;
    }
  }
  return box.z1 > 0 ? box : null;
}

/** Values and mask of the box, in the same x-fastest order (values of the same type). */
export function cropRoi(roi: RoiVolume & { mask: Uint8Array }, box: VoxelBox): RoiVolume {
  const [nx, ny] = roi.dims;
  const bx = box.x1 - box.x0;
  const by = box.y1 - box.y0;
  const bz = box.z1 - box.z0;
  const values = valuesLike(roi.values, bx * by * bz);
  const mask = new Uint8Array(bx * by * bz);
  for (let z = 0; z < bz; z++) {
    for (let y = 0; y < by; y++) {
      const from = box.x0 + nx * (box.y0 + y + ny * (box.z0 + z));
      const to = bx * (y + by * z);
      // One type on both sides (valuesLike): a plain copy.
      (values as Float32Array).set(roi.values.subarray(from, from + bx) as Float32Array, to);
      mask.set(roi.mask.subarray(from, from + bx), to);
    }
  }
  return { values, mask, dims: [bx, by, bz], spacingMm: roi.spacingMm };
}

/**
 * The ROI on the box around its mask, and the box's first slice (slice z of the crop is slice
 * z + z0 of the ROI). The ROI itself when the box is all of it, it has no mask (every voxel)
 * or the mask is empty.
 */
export function cropToMask(roi: RoiVolume): { roi: RoiVolume; z0: number } {
  if (!roi.mask) return { roi, z0: 0 };
  const box = maskBounds(roi.mask, roi.dims);
  const [nx, ny, nz] = roi.dims;
  if (!box) return { roi, z0: 0 };
  const whole =
    box.x0 === 0 && box.y0 === 0 && box.z0 === 0 && box.x1 === nx && box.y1 === ny && box.z1 === nz;
  return whole ? { roi, z0: 0 } : { roi: cropRoi({ ...roi, mask: roi.mask }, box), z0: box.z0 };
}
