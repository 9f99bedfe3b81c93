// Distance of each ROI voxel to the ROI border, in steps: 4-connected within a slice,
// 6-connected in 3D; a voxel touching the outside (or the image edge) is at distance 1.
// GLDZM uses it.
import type { Dims } from '../volume';

/**
 * Distances over slice z (z >= 0), indexed from the slice's first voxel, or over the whole
 * volume (z = -1); 0 outside the ROI.
 */
export function borderDistance(
  mask: Uint8Array,
  dims: Dims,
  z: number,
): Uint8Array | Uint16Array | Int32Array {
  const [nx, ny, nz] = dims;
  const plane = nx * ny;
  return z >= 0
    ? distances(mask.subarray(z * plane, (z + 1) * plane), nx, ny, 1, false)
    : distances(mask, nx, ny, nz, true);
}

/**
 * Two raster passes (forward, then backward) of the city-block distance to the nearest voxel
 * outside the ROI, the image beyond its edges counting as outside. This equals the breadth-first
 * step count through the ROI: a shortest city-block path to the nearest outside voxel meets no
 * other outside voxel first, so it stays in the ROI. No queue: 4 bytes a voxel less, and two
 * sequential sweeps instead of random visits.
 */
function distances(
  mask: Uint8Array,
  nx: number,
  ny: number,
  nz: number,
  threeD: boolean,
): Uint8Array | Uint16Array | Int32Array {
  const plane = nx * ny;
  // The forward pass counts at most the shortest side (the steps back to an edge along it),
  // and no distance exceeds that: a whole CT (200 slices) fits a byte a voxel.
  const shortest = threeD ? Math.min(nx, ny, nz) : Math.min(nx, ny);
  const dist =
    shortest < 255
      ? new Uint8Array(mask.length)
      : shortest < 65535
        ? new Uint16Array(mask.length)
        : new Int32Array(mask.length);
  for (let zz = 0, i = 0; zz < nz; zz++) {
    for (let y = 0; y < ny; y++) {
      for (let x = 0; x < nx; x++, i++) {
        if (mask[i] === 0) continue;
        let d = x === 0 ? 0 : dist[i - 1];
        if (y === 0) d = 0;
        else if (dist[i - nx] < d) d = dist[i - nx];
        if (threeD) {
          if (zz === 0) d = 0;
          else if (dist[i - plane] < d) d = dist[i - plane];
        }
        dist[i] = d + 1;
      }
    }
  }
  for (let zz = nz - 1, i = mask.length - 1; zz >= 0; zz--) {
    for (let y = ny - 1; y >= 0; y--) {
      for (let x = nx - 1; x >= 0; x--, i--) {
        if (mask[i] === 0) continue;
        let d = dist[i] - 1;
        if (x === nx - 1) d = 0;
        else if (dist[i + 1] < d) d = dist[i + 1];
        if (y === ny - 1) d = 0;
        else if (dist[i + nx] < d) d = dist[i + nx];
        if (threeD) {
          if (zz === nz - 1) d = 0;
          else if (dist[i + plane] < d) d = dist[i + plane];
        }
        dist[i] = d + 1;
      }
    }
  }
  return dist;
}
