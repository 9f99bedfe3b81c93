// Zones: connected groups of voxels with the same grey level (8-connected in a slice,
// 26-connected in 3D), the unit that GLSZM and GLDZM count.
//
// Labelled by union-find in one raster pass over the zero-framed levels: each voxel joins the
// zones of its already-visited neighbours of the same level (4 in a slice, 13 in 3D), and a
// zone's root is always its first voxel in raster order, so zones are numbered in the order of
// their first voxel.
import type { DiscreteVolume } from '../volume';
import { padLevels, paddedOffset } from './padded';

export interface Zones {
  /** Grey level of each zone. */
  level: Int32Array;
  /** Voxel count of each zone. */
  size: Int32Array;
  /**
   * Zone id per voxel of the region (slice z, or the whole volume when z = -1), x fastest;
   * -1 outside the ROI. Voxel i of the region is voxel first + i of the volume. Empty when
   * labelZones was told the caller needs zone sizes alone.
   */
  zoneOf: Int32Array;
  first: number;
  count: number;
  /** Per zone, the smallest of the distances labelZones was given over its voxels. */
  minDistance?: Int32Array;
}

/** Labels zones in slice z, or in the whole volume when z = -1; voxelZones: false leaves
 * zoneOf empty (4 bytes a voxel saved when only zone sizes are needed). distance, indexed like
 * zoneOf (e.g. GLDZM's border distances): each zone's smallest is kept in minDistance, so
 * GLDZM needs no zone id per voxel. */
export function labelZones(
  volume: DiscreteVolume,
  z: number,
  voxelZones = true,
  distance?: ArrayLike<number>,
): Zones {
  const p = padLevels(volume, z, 1);
  const { levels, nx, ny, nz, rowStep, planeStep, origin } = p;
  const back: number[] = [];
  const backDx: number[] = [];
  for (let dz = z >= 0 ? 0 : -1; dz <= 0; dz++)
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++) {
        if (dz === 0 && (dy > 0 || (dy === 0 && dx >= 0))) continue;
        back.push(paddedOffset(p, dx, dy, dz));
        backDx.push(dx);
      }
  const nb = back.length;
  const backs = Int32Array.from(back);
  // When the voxel before along x has the same level it is in the same zone, and so is every
  // back neighbour of the same level that also touches it (all but those one step further
  // along x): those were joined when it was labelled, so only the others are looked at.
  const ahead = Int32Array.from(
    back.filter((_, k) => {
      const dx = backDx[k];
      return dx === 1;
    }),
  );
  const na = ahead.length;
  // parent[v] <= v always: links go from the larger root to the smaller.
  const parent = new Int32Array(levels.length);
  for (let zz = 0; zz < nz; zz++) {
    for (let y = 0; y < ny; y++) {
      for (let v = origin + y * rowStep + zz * planeStep, end = v + nx; v < end; v++) {
        const g = levels[v];
        if (g === 0) continue;
        let r = v;
        parent[v] = v;
        let offsets = backs;
        let n = nb;
        if (levels[v - 1] === g) {
          // Join the zone of the voxel before (its root, halving the path), then the rest.
          let q = v - 1;
          while (parent[q] !== q) {
            const up = parent[parent[q]];
            parent[q] = up;
            q = up;
          }
          parent[v] = q;
          r = q;
          offsets = ahead;
          n = na;
        }
        for (let k = 0; k < n; k++) {
          let q = v + offsets[k];
          if (levels[q] !== g) continue;
          // Root of q, halving the path on the way.
          while (parent[q] !== q) {
            const up = parent[parent[q]];
            parent[q] = up;
            q = up;
          }
          if (q === r) continue;
          if (q < r) {
            parent[r] = q;
            r = q;
          } else {
            parent[q] = r;
          }
        }
      }
    }
  }
  // In raster order every parent is resolved before its children: a root's parent becomes
  // ~id (negative), any other voxel's parent its root, so one or two hops give the zone id.
  const regionSize = nx * ny * nz;
  const zoneOf = voxelZones ? new Int32Array(regionSize).fill(-1) : new Int32Array(0);
  // Zone levels and sizes grow as zones are found (far fewer zones than voxels, usually).
  let levelOf = new Int32Array(Math.min(regionSize, 4096));
  let sizeOf = new Int32Array(levelOf.length);
  let minOf = new Int32Array(distance ? levelOf.length : 0).fill(0x7fffffff);
  let count = 0;
  let i = 0;
  for (let zz = 0; zz < nz; zz++) {
    for (let y = 0; y < ny; y++) {
      for (let v = origin + y * rowStep + zz * planeStep, end = v + nx; v < end; v++, i++) {
        const g = levels[v];
        if (g === 0) continue;
        const u = parent[v];
        let id: number;
        if (u === v) {
          if (count === levelOf.length) {
            const grown = Math.min(regionSize, 2 * count);
            levelOf = grow(levelOf, grown);
            sizeOf = grow(sizeOf, grown);
            if (distance) minOf = grow(minOf, grown).fill(0x7fffffff, count);
          }
          id = count++;
          levelOf[id] = g;
          parent[v] = ~id;
        } else {
          const s = parent[u];
          const root = s < 0 ? u : s;
          id = ~parent[root];
          parent[v] = root;
        }
        sizeOf[id]++;
        if (voxelZones) zoneOf[i] = id;
        if (distance && distance[i] < minOf[id]) minOf[id] = distance[i];
      }
    }
  }
  const plane = volume.dims[0] * volume.dims[1];
  return {
    level: levelOf.slice(0, count),
    size: sizeOf.slice(0, count),
    zoneOf,
    first: z >= 0 ? z * plane : 0,
    count,
    ...(distance ? { minDistance: minOf.slice(0, count) } : {}),
  };
}

function grow(a: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(length);
  out.set(a);
  return out;
}

/** ROI voxels in slice z, or in the whole volume when z = -1. */
export function roiVoxels(volume: DiscreteVolume, z: number): number {
  const plane = volume.dims[0] * volume.dims[1];
  const [a, b] = z >= 0 ? [z * plane, (z + 1) * plane] : [0, volume.levels.length];
  let n = 0;
  for (let i = a; i < b; i++) if (volume.levels[i] > 0) n++;
  return n;
}
