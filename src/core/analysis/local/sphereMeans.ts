// Mean image intensity in the IBSI 1 cm^3 sphere (radius 6.2 mm) around each voxel of a mask.
// Every image voxel whose centre lies in the sphere counts, in the mask or not; the sphere is
// clipped at the image border and only voxels inside the image are counted.
//
// The sphere is a set of chords along x, one per (dy, dz), and a chord's sum is the difference of
// two prefix sums of its row: O(chords) per voxel instead of O(voxels in the sphere). Prefix sums
// cover only the rows the mask's spheres reach, from x = 0, so for a given voxel the sum is the
// same float arithmetic, in the same order, whatever the mask (and exact for integer images).
import { maskBounds } from '../roi/cropToMask';
import type { ImageVolume, VoxelValues } from '../volume';

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

export function sphereMeans(image: ImageVolume<VoxelValues>, mask: Uint8Array): SphereMeans {
  let voxels = 0;
  for (let i = 0; i < mask.length; i++) voxels += mask[i] !== 0 ? 1 : 0;
  const index = new Int32Array(voxels);
  const mean = new Float64Array(voxels);
  let out = 0;
  forEachSphereMean(image, mask, (row, first, end, means) => {
    for (let x = first; x < end; x++) {
      if (mask[row + x] === 0) continue;
      index[out] = row + x;
      mean[out++] = means[x];
    }
  });
  return { index, mean };
}

/**
 * Called once per image row (flat index of its x = 0) that holds mask voxels, in x-fastest
 * order: means[x] is the sphere mean of voxel row + x for the mask's x in [first, end); the
 * other entries are stale. means is reused for the next row.
 */
export type SphereMeanRow = (row: number, first: number, end: number, means: Float64Array) => void;

/**
 * Sphere means row by row, without arrays the size of the mask: prefix sums are kept only for
 * the planes the current slice's spheres reach (a ring of 2 rz + 1 planes), so a whole-image
 * mask costs a few planes, not 8 bytes a voxel.
 */
export function forEachSphereMean(
  image: ImageVolume<VoxelValues>,
  mask: Uint8Array,
  visit: SphereMeanRow,
): void {
  const [nx, ny, nz] = image.dims;
  const values = image.values;
  const box = maskBounds(mask, image.dims);
  if (!box) return;
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
  // sums[row * stride + x] = sum of the row's values[0..x). Plane qz lives in ring slot
  // (qz - z0) % ring; slices are visited in order, so the 2 rz + 1 planes around z are there.
  const xEnd = Math.min(nx, box.x1 + rx);
  const stride = xEnd + 1;
  const y0 = Math.max(0, box.y0 - ry);
  const rowsY = Math.min(ny, box.y1 + ry) - y0;
  const z0 = Math.max(0, box.z0 - rz);
  const zEnd = Math.min(nz, box.z1 + rz);
  const ring = Math.min(2 * rz + 1, zEnd - z0);
  const sums = new Float64Array(stride * rowsY * ring);
  let filled = z0;
  const fillPlane = (qz: number): void => {
    const slot = (qz - z0) % ring;
    for (let y = 0; y < rowsY; y++) {
      const src = nx * (y + y0 + ny * qz);
      const dst = stride * (y + rowsY * slot);
      let acc = 0;
      for (let x = 0; x < xEnd; x++) {
        acc += values[src + x];
        sums[dst + x + 1] = acc;
      }
    }
  };

  // The chords that stay inside the image for the current (y, z): where each one's row starts in
  // sums, and its half-width. Chord sums are added chord by chord over the whole row at once.
  const rowStart = new Int32Array(chordCount);
  const halfWidth = new Int32Array(chordCount);
  const rowSum = new Float64Array(nx);
  for (let z = box.z0; z < box.z1; z++) {
    for (const last = Math.min(zEnd, z + rz + 1); filled < last; filled++) fillPlane(filled);
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
        rowStart[n] = stride * (qy - y0 + rowsY * ((qz - z0) % ring));
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
      for (let x = a; x < b; x++) rowSum[x] /= inner;
      for (let x = first; x < end; x++) {
        if (x >= a && x < b) continue;
        if (mask[row + x] === 0) continue;
        let sum = 0;
        let count = 0;
        for (let k = 0; k < n; k++) {
          const hw = halfWidth[k];
          const x0 = x - hw < 0 ? 0 : x - hw;
          const x1 = x + hw >= nx ? nx - 1 : x + hw;
          sum += sums[rowStart[k] + x1 + 1] - sums[rowStart[k] + x0];
          count += x1 - x0 + 1;
        }
        rowSum[x] = sum / count;
      }
      visit(row, first, end, rowSum);
    }
  }
}
