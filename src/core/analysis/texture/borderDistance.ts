// Distance of each ROI voxel to the ROI border, in steps: 4-connected within a slice,
// 6-connected in 3D; a voxel touching the outside (or the image edge) is at distance 1.
// GLDZM uses it; computed by breadth-first search from the border voxels.
import type { Dims } from '../volume';

/**
 * Distances over slice z (z >= 0), indexed from the slice's first voxel, or over the whole
 * volume (z = -1); 0 outside the ROI.
 */
export function borderDistance(mask: Uint8Array, dims: Dims, z: number): Int32Array {
  const [nx, ny, nz] = dims;
  const plane = nx * ny;
  return z >= 0
    ? distances(mask.subarray(z * plane, (z + 1) * plane), nx, ny, 1, false)
    : distances(mask, nx, ny, nz, true);
}

function distances(
  mask: Uint8Array,
  nx: number,
  ny: number,
  nz: number,
  threeD: boolean,
): Int32Array {
  const plane = nx * ny;
  const dist = new Int32Array(mask.length);
  const queue = new Int32Array(mask.length);
  let tail = 0;
  // Seeds: ROI voxels with a 4/6-neighbour outside the ROI or outside the image (slice).
  for (let zz = 0; zz < nz; zz++) {
    for (let y = 0; y < ny; y++) {
      for (let x = 0; x < nx; x++) {
        const i = x + nx * (y + ny * zz);
        if (mask[i] === 0) continue;
        const border =
          x === 0 ||
          x === nx - 1 ||
          y === 0 ||
          y === ny - 1 ||
          mask[i - 1] === 0 ||
          mask[i + 1] === 0 ||
          mask[i - nx] === 0 ||
          mask[i + nx] === 0 ||
          (threeD && (zz === 0 || zz === nz - 1 || mask[i - plane] === 0 || mask[i + plane] === 0));
        if (border) {
          dist[i] = 1;
          queue[tail++] = i;
        }
      }
    }
  }
  // A flat step can wrap across the image edge, but only onto an edge voxel, which is either
  // outside the ROI or already a seed: so no coordinate checks are needed.
  const steps = threeD ? [1, -1, nx, -nx, plane, -plane] : [1, -1, nx, -nx];
  for (let head = 0; head < tail; head++) {
    const v = queue[head];
    const next = dist[v] + 1;
    for (let k = 0; k < steps.length; k++) {
      const w = v + steps[k];
      if (w < 0 || w >= mask.length || mask[w] === 0 || dist[w] !== 0) continue;
      dist[w] = next;
      queue[tail++] = w;
    }
  }
  return dist;
}
