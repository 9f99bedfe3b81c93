// The plain voxel-by-voxel zone labelling (union-find over every voxel of a zero-framed copy),
// kept as the reference the run-based labelling in zones.ts is tested against. Not used by
// feature extraction: it holds 6 bytes a voxel (a framed copy and an Int32 parent per voxel).
import type { DiscreteVolume } from '../volume';
import { distanceMap, type BorderDistances } from './borderDistance';
import { padLevels, paddedOffset } from './padded';
import type { Zones } from './zones';

/** Zones of slice z (8-connected), or of the whole volume when z = -1 (26-connected), with
 * each zone's smallest border distance when given (a box expanded to every voxel's). Zones
 * come in the raster order of their first voxel. */
export function labelZonesByVoxel(
  volume: DiscreteVolume,
  z: number,
  distances?: BorderDistances,
): Zones {
  const distance = distances && distanceMap(distances);
  const p = padLevels(volume, z, 1);
  const { levels, nx, ny, nz, rowStep, planeStep, origin } = p;
  const back: number[] = [];
  for (let dz = z >= 0 ? 0 : -1; dz <= 0; dz++)
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++) {
        if (dz === 0 && (dy > 0 || (dy === 0 && dx >= 0))) continue;
        back.push(paddedOffset(p, dx, dy, dz));
      }
  // parent[v] <= v always: links go from the larger root to the smaller.
  const parent = new Int32Array(levels.length);
  const root = (v: number): number => {
    while (parent[v] !== v) v = parent[v];
    return v;
  };
  for (let zz = 0; zz < nz; zz++)
    for (let y = 0; y < ny; y++)
      for (let v = origin + y * rowStep + zz * planeStep, end = v + nx; v < end; v++) {
        const g = levels[v];
        if (g === 0) continue;
        parent[v] = v;
        for (const off of back) {
          if (levels[v + off] !== g) continue;
          const a = root(v);
          const b = root(v + off);
          if (a < b) parent[b] = a;
          else parent[a] = b;
        }
      }
  const idOf = new Map<number, number>();
  const level: number[] = [];
  const size: number[] = [];
  const minDistance: number[] = [];
  let i = 0;
  for (let zz = 0; zz < nz; zz++)
    for (let y = 0; y < ny; y++)
      for (let v = origin + y * rowStep + zz * planeStep, end = v + nx; v < end; v++, i++) {
        const g = levels[v];
        if (g === 0) continue;
        const r = root(v);
        let id = idOf.get(r);
        if (id === undefined) {
          id = level.length;
          idOf.set(r, id);
          level.push(g);
          size.push(0);
          minDistance.push(0x7fffffff);
        }
        size[id]++;
        if (distance && distance[i] < minDistance[id]) minDistance[id] = distance[i];
      }
  return {
    level: Int32Array.from(level),
    size: Int32Array.from(size),
    count: level.length,
    ...(distance ? { minDistance: Int32Array.from(minDistance) } : {}),
  };
}
