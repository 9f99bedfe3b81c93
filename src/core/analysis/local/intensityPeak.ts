// IBSI local intensity features (family 9ST6): mean intensity in a 1 cm^3 sphere
// (radius 6.2 mm) around a voxel centre; all image voxels in the sphere count, in the ROI or not.
import { defineFamily } from '../featureDef';
import type { RoiVolume } from '../volume';

export const localIntensityDefs = defineFamily('local-intensity', [
  ['Local intensity peak', 'VJGA', 'I'],
  ['Global intensity peak', '0F91', 'I'],
]);

const sphereRadiusMm = Math.cbrt(3000 / (4 * Math.PI));

/** Flat index offsets (and their coordinates) of the voxels whose centres lie in the sphere. */
function sphereOffsets(roi: RoiVolume): Int32Array {
  const [sx, sy, sz] = roi.spacingMm;
  const rx = Math.floor(sphereRadiusMm / sx);
  const ry = Math.floor(sphereRadiusMm / sy);
  const rz = Math.floor(sphereRadiusMm / sz);
  const out: number[] = [];
  const r2 = sphereRadiusMm * sphereRadiusMm;
  for (let dz = -rz; dz <= rz; dz++)
    for (let dy = -ry; dy <= ry; dy++)
      for (let dx = -rx; dx <= rx; dx++) {
        const d2 = (dx * sx) ** 2 + (dy * sy) ** 2 + (dz * sz) ** 2;
        if (d2 <= r2) out.push(dx, dy, dz);
      }
  return Int32Array.from(out);
}

function sphereMean(roi: RoiVolume, offsets: Int32Array, x: number, y: number, z: number): number {
  const [nx, ny, nz] = roi.dims;
  let sum = 0;
  let n = 0;
  for (let k = 0; k < offsets.length; k += 3) {
    const qx = x + offsets[k];
    const qy = y + offsets[k + 1];
    const qz = z + offsets[k + 2];
    if (qx < 0 || qx >= nx || qy < 0 || qy >= ny || qz < 0 || qz >= nz) continue;
    sum += roi.values[qx + nx * (qy + ny * qz)];
    n++;
  }
  return sum / n;
}

/** [local peak (around the brightest ROI voxels), global peak (best over all ROI voxels)]. */
export function localIntensity(roi: RoiVolume, intensityMask: Uint8Array): Float64Array {
  const [nx, ny, nz] = roi.dims;
  const offsets = sphereOffsets(roi);
  let maxValue = -Infinity;
  for (let i = 0; i < intensityMask.length; i++) {
    if (intensityMask[i] !== 0 && roi.values[i] > maxValue) maxValue = roi.values[i];
  }
  let local = -Infinity;
  let global = -Infinity;
  for (let z = 0; z < nz; z++)
    for (let y = 0; y < ny; y++)
      for (let x = 0; x < nx; x++) {
        const i = x + nx * (y + ny * z);
        if (intensityMask[i] === 0) continue;
        const mean = sphereMean(roi, offsets, x, y, z);
        if (mean > global) global = mean;
        if (roi.values[i] === maxValue && mean > local) local = mean;
      }
  return Float64Array.from([local, global]);
}
