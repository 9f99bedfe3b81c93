// Distance of each ROI voxel to the ROI border, in steps: 4-connected within a slice,
// 6-connected in 3D; a voxel touching the outside (or the image edge) is at distance 1.
// GLDZM uses it; computed by breadth-first search from the outside.
import type { Dims } from '../volume';

export function borderDistance(mask: Uint8Array, dims: Dims, z: number): Int32Array {
  const [nx, ny, nz] = dims;
  const plane = nx * ny;
  const [z0, z1] = z >= 0 ? [z, z + 1] : [0, nz];
  const dist = new Int32Array(mask.length);
  const queue = new Int32Array(mask.length);
  let head = 0;
  let tail = 0;
  const inside = (x: number, y: number, zz: number): boolean =>
    x >= 0 &&
    x < nx &&
    y >= 0 &&
    y < ny &&
    zz >= z0 &&
    zz < z1 &&
    mask[x + nx * (y + ny * zz)] !== 0;
  for (let zz = z0; zz < z1; zz++) {
    for (let y = 0; y < ny; y++) {
      for (let x = 0; x < nx; x++) {
        const i = x + nx * (y + ny * zz);
        if (mask[i] === 0) continue;
        const border =
          !inside(x - 1, y, zz) ||
          !inside(x + 1, y, zz) ||
          !inside(x, y - 1, zz) ||
          !inside(x, y + 1, zz) ||
          (z < 0 && (!inside(x, y, zz - 1) || !inside(x, y, zz + 1)));
        if (border) {
          dist[i] = 1;
          queue[tail++] = i;
        }
      }
    }
  }
  while (head < tail) {
    const v = queue[head++];
    const vz = Math.floor(v / plane);
    const rem = v - vz * plane;
    const vy = Math.floor(rem / nx);
    const vx = rem - vy * nx;
    const next = dist[v] + 1;
    const visit = (x: number, y: number, zz: number): void => {
      if (!inside(x, y, zz)) return;
      const w = x + nx * (y + ny * zz);
      if (dist[w] !== 0) return;
      dist[w] = next;
      queue[tail++] = w;
    };
    visit(vx - 1, vy, vz);
    visit(vx + 1, vy, vz);
    visit(vx, vy - 1, vz);
    visit(vx, vy + 1, vz);
    if (z < 0) {
      visit(vx, vy, vz - 1);
      visit(vx, vy, vz + 1);
    }
  }
  return dist;
}
