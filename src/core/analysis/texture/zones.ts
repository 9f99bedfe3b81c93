// Zones: connected groups of voxels with the same grey level (8-connected in a slice,
// 26-connected in 3D), the unit that GLSZM and GLDZM count.
import type { DiscreteVolume } from '../volume';

export interface Zones {
  /** Grey level of each zone. */
  level: Int32Array;
  /** Voxel count of each zone. */
  size: Int32Array;
  /** Zone id per voxel, -1 outside the ROI or outside the slice considered. */
  zoneOf: Int32Array;
  count: number;
}

/** Labels zones in slice z, or in the whole volume when z = -1. */
export function labelZones(volume: DiscreteVolume, z: number): Zones {
  const { levels } = volume;
  const [nx, ny, nz] = volume.dims;
  const plane = nx * ny;
  const [z0, z1] = z >= 0 ? [z, z + 1] : [0, nz];
  const zoneOf = new Int32Array(levels.length).fill(-1);
  const stack = new Int32Array(levels.length);
  const levelList: number[] = [];
  const sizeList: number[] = [];
  for (let zz = z0; zz < z1; zz++) {
    for (let start = zz * plane, end = start + plane; start < end; start++) {
      const g = levels[start];
      if (g === 0 || zoneOf[start] !== -1) continue;
      const id = levelList.length;
      let top = 0;
      let size = 0;
      stack[top++] = start;
      zoneOf[start] = id;
      while (top > 0) {
        const v = stack[--top];
        size++;
        const vz = Math.floor(v / plane);
        const rem = v - vz * plane;
        const vy = Math.floor(rem / nx);
        const vx = rem - vy * nx;
        for (let oz = -1; oz <= 1; oz++) {
          const wz = vz + oz;
          if (wz < z0 || wz >= z1) continue;
          for (let oy = -1; oy <= 1; oy++) {
            const wy = vy + oy;
            if (wy < 0 || wy >= ny) continue;
            for (let ox = -1; ox <= 1; ox++) {
              const wx = vx + ox;
              if (wx < 0 || wx >= nx) continue;
              const w = wx + nx * (wy + ny * wz);
              if (zoneOf[w] !== -1 || levels[w] !== g) continue;
              zoneOf[w] = id;
              stack[top++] = w;
            }
          }
        }
      }
      levelList.push(g);
      sizeList.push(size);
    }
  }
  return {
    level: Int32Array.from(levelList),
    size: Int32Array.from(sizeList),
    zoneOf,
    count: levelList.length,
  };
}

/** ROI voxels in slice z, or in the whole volume when z = -1. */
export function roiVoxels(volume: DiscreteVolume, z: number): number {
  const plane = volume.dims[0] * volume.dims[1];
  const [a, b] = z >= 0 ? [z * plane, (z + 1) * plane] : [0, volume.levels.length];
  let n = 0;
  for (let i = a; i < b; i++) if (volume.levels[i] > 0) n++;
  return n;
}
