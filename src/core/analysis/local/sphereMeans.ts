// Mean image intensity in the IBSI 1 cm^3 sphere (radius 6.2 mm) around each voxel of a mask.
// Every image voxel whose centre lies in the sphere counts, in the mask or not; the sphere is
// clipped at the image border and only voxels inside the image are counted.
//
// The sphere is a set of chords along x, one per (dy, dz), and a chord's sum is the difference of
// two prefix sums of its row: O(chords) per voxel instead of O(voxels in the sphere). Prefix sums
// cover only the rows the mask's spheres reach, from x = 0, so for a given voxel the sum is the
// same float arithmetic, in the same order, whatever the mask (and exact for integer images).
import { maskBounds } from '../roi/cropToMask';
import type { ImageVolume } from '../volume';

export const sphereRadiusMm = Math.cbrt(3000 / (4 * Math.PI));

/** Sphere means of a mask's voxels: index[k] is the k-th mask voxel in x-fastest order. */
export interface SphereMeans {
  index: Int32Array;
  mean: Float64Array;
}

/**
 * The sphere as chords along x: for each (dy, dz) inside the sphere, the largest |dx| whose voxel
 * centre is still inside. Stored as dy, dz, half-width triples, dz outermost.
 */
export function sphereChords(spacingMm: ImageVolume['spacingMm']): Int32Array {
  const [sx, sy, sz] = spacingMm;
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

export function sphereMeans(image: ImageVolume, mask: Uint8Array): SphereMeans {
  const [nx, ny, nz] = image.dims;
  const values = image.values;
  const box = maskBounds(mask, image.dims);
  if (!box) return { index: new Int32Array(0), mean: new Float64Array(0) };
  const chords = sphereChords(image.spacingMm);
  const chordCount = chords.length / 3;
  let rx = 0;
  let ry = 0;
  let rz = 0;
  for (let k = 0; k < chords.length; k += 3) {
    ry = Math.max(ry, Math.abs(chords[k]));
    rz = Math.max(rz, Math.abs(chords[k + 1]));
    rx = Math.max(rx, chords[k + 2]);
  }
  // Prefix sums of the rows the spheres reach, from x = 0 to the last x they reach:
  // sums[row * stride + x] = sum of the row's values[0..x).
  const xEnd = Math.min(nx, box.x1 + rx);
  const stride = xEnd + 1;
  const y0 = Math.max(0, box.y0 - ry);
  const rowsY = Math.min(ny, box.y1 + ry) - y0;
  const z0 = Math.max(0, box.z0 - rz);
  const rowsZ = Math.min(nz, box.z1 + rz) - z0;
  const sums = new Float64Array(stride * rowsY * rowsZ);
  for (let z = 0; z < rowsZ; z++)
    for (let y = 0; y < rowsY; y++) {
      const src = nx * (y + y0 + ny * (z + z0));
      const dst = stride * (y + rowsY * z);
      let acc = 0;
      for (let x = 0; x < xEnd; x++) {
        acc += values[src + x];
        sums[dst + x + 1] = acc;
      }
    }

  let voxels = 0;
  for (let z = box.z0; z < box.z1; z++)
    for (let y = box.y0; y < box.y1; y++) {
      const row = nx * (y + ny * z);
      for (let x = box.x0; x < box.x1; x++) voxels += mask[row + x] !== 0 ? 1 : 0;
    }
  const index = new Int32Array(voxels);
  const mean = new Float64Array(voxels);

  // The chords that stay inside the image for the current (y, z): where each one's row starts in
  // sums, and its half-width. Chord sums are added chord by chord over the whole row at once.
  const rowStart = new Int32Array(chordCount);
  const halfWidth = new Int32Array(chordCount);
  const rowSum = new Float64Array(nx);
  let out = 0;
  for (let z = box.z0; z < box.z1; z++)
    for (let y = box.y0; y < box.y1; y++) {
      const row = nx * (y + ny * z);
      let first = box.x0;
      let end = box.x1;
      while (first < end && mask[row + first] === 0) first++;
      while (end > first && mask[row + end - 1] === 0) end--;
      if (first === end) continue;
      let n = 0;
      let inner = 0;
      let widest = 0;
      for (let k = 0; k < chords.length; k += 3) {
        const qy = y + chords[k];
        const qz = z + chords[k + 1];
        if (qy < 0 || qy >= ny || qz < 0 || qz >= nz) continue;
        const hw = chords[k + 2];
        rowStart[n] = stride * (qy - y0 + rowsY * (qz - z0));
        halfWidth[n] = hw;
        inner += 2 * hw + 1;
        if (hw > widest) widest = hw;
        n++;
      }
      // Voxels whose chords all stay inside the image along x.
      const a = Math.max(first, widest);
      const b = Math.min(end, nx - widest);
      rowSum.fill(0, a, Math.max(a, b));
      for (let k = 0; k < n; k++) {
        const hi = rowStart[k] + halfWidth[k] + 1;
        const lo = rowStart[k] - halfWidth[k];
        for (let x = a; x < b; x++) rowSum[x] += sums[hi + x] - sums[lo + x];
      }
      for (let x = first; x < end; x++) {
        if (mask[row + x] === 0) continue;
        index[out] = row + x;
        if (x >= a && x < b) {
          mean[out++] = rowSum[x] / inner;
          continue;
        }
        let sum = 0;
        let count = 0;
        for (let k = 0; k < n; k++) {
          const hw = halfWidth[k];
          const x0 = x - hw < 0 ? 0 : x - hw;
          const x1 = x + hw >= nx ? nx - 1 : x + hw;
          sum += sums[rowStart[k] + x1 + 1] - sums[rowStart[k] + x0];
          count += x1 - x0 + 1;
        }
        mean[out++] = sum / count;
      }
    }
  return { index, mean };
}
