// IBSI local intensity features (family 9ST6): mean intensity in a 1 cm^3 sphere
// (radius 6.2 mm) around a voxel centre; all image voxels in the sphere count, in the ROI or not.
import { defineFamily } from '../featureDef';
import type { RoiVolume } from '../volume';

export const localIntensityDefs = defineFamily('local-intensity', [
  ['Local intensity peak', 'VJGA', 'I'],
  ['Global intensity peak', '0F91', 'I'],
]);

const sphereRadiusMm = Math.cbrt(3000 / (4 * Math.PI));

/**
 * The sphere as chords along x: for each (dy, dz) inside the sphere, the largest |dx| whose voxel
 * centre is still inside. Stored as dy, dz, half-width triples.
 */
function sphereChords(roi: RoiVolume): Int32Array {
  const [sx, sy, sz] = roi.spacingMm;
  const ry = Math.floor(sphereRadiusMm / sy);
  const rz = Math.floor(sphereRadiusMm / sz);
  const r2 = sphereRadiusMm * sphereRadiusMm;
  const out: number[] = [];
  for (let dz = -rz; dz <= rz; dz++)
    for (let dy = -ry; dy <= ry; dy++) {
      const rest = r2 - (dy * sy) ** 2 - (dz * sz) ** 2;
      if (rest >= 0) out.push(dy, dz, Math.floor(Math.sqrt(rest) / sx + 1e-9));
    }
  return Int32Array.from(out);
}

/** Prefix sums along x of every row: sums[row * (nx + 1) + x] = sum of values[row][0..x). */
function rowPrefixSums(roi: RoiVolume): Float64Array {
  const [nx, ny, nz] = roi.dims;
  const sums = new Float64Array((nx + 1) * ny * nz);
  for (let row = 0; row < ny * nz; row++) {
    let acc = 0;
    for (let x = 0; x < nx; x++) {
      acc += roi.values[row * nx + x];
      sums[row * (nx + 1) + x + 1] = acc;
    }
  }
  return sums;
}

/** Mean of the image voxels whose centres lie in the sphere around (x, y, z): one chord per row. */
function sphereMean(
  roi: RoiVolume,
  sums: Float64Array,
  chords: Int32Array,
  x: number,
  y: number,
  z: number,
): number {
  const [nx, ny, nz] = roi.dims;
  let sum = 0;
  let n = 0;
  for (let k = 0; k < chords.length; k += 3) {
    const qy = y + chords[k];
    const qz = z + chords[k + 1];
    if (qy < 0 || qy >= ny || qz < 0 || qz >= nz) continue;
    const hw = chords[k + 2];
    const x0 = x - hw < 0 ? 0 : x - hw;
    const x1 = x + hw >= nx ? nx - 1 : x + hw;
    const base = (qy + ny * qz) * (nx + 1);
    sum += sums[base + x1 + 1] - sums[base + x0];
    n += x1 - x0 + 1;
  }
  return sum / n;
}

/** [local peak (around the brightest ROI voxels), global peak (best over all ROI voxels)]. */
export function localIntensity(roi: RoiVolume, intensityMask: Uint8Array): Float64Array {
  const [nx, ny, nz] = roi.dims;
  const chords = sphereChords(roi);
  const sums = rowPrefixSums(roi);
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
        const mean = sphereMean(roi, sums, chords, x, y, z);
        if (mean > global) global = mean;
        if (roi.values[i] === maxValue && mean > local) local = mean;
      }
  return Float64Array.from([local, global]);
}
