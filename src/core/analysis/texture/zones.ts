// Zones: connected groups of voxels with the same grey level (8-connected in a slice,
// 26-connected in 3D, as IBSI defines them), the unit that GLSZM and GLDZM count.
//
// Labelled from runs, a slice at a time: a run is a maximal segment of one grey level along x,
// and two runs of one level touch (8/26-connectivity) when they lie in neighbouring rows (the
// row before in the slice; the three rows around it in the slice before) and their x ranges
// overlap or meet diagonally. Union-find links zone labels, not voxels; after each slice the
// zones no run of that slice reaches are finished and written out, and the live labels are
// renumbered. So the labelling holds two slices of runs and the live labels, not an id per
// voxel, and looks at each run's neighbours once instead of each voxel's 13.
import type { DiscreteVolume } from '../volume';
import type { BorderDistances } from './borderDistance';
import { labelZonesWasm } from './simd/zonesWasm';

export interface Zones {
  /** Grey level of each zone. */
  level: Int32Array;
  /** Voxel count of each zone. */
  size: Int32Array;
  count: number;
  /** Per zone, the smallest of the distances labelZones was given over its voxels. */
  minDistance?: Int32Array;
}

/** Growable per-zone output (far fewer zones than voxels, usually). */
class ZoneList {
  level = new Int32Array(1024);
  size = new Int32Array(1024);
  min = new Int32Array(1024);
  count = 0;
  push(level: number, size: number, min: number): void {
    if (this.count === this.level.length) {
      const n = this.count * 2;
      this.level = grown(this.level, n);
      this.size = grown(this.size, n);
      this.min = grown(this.min, n);
    }
    this.level[this.count] = level;
    this.size[this.count] = size;
    this.min[this.count++] = min;
  }
}

function grown(a: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(length);
  out.set(a);
  return out;
}

const NONE = 0x7fffffff;

/**
 * Labels zones in slice z, or in the whole volume when z = -1. distance: GLDZM's border
 * distances over the same region (borderDistance(mask, dims, z)); each zone's smallest is kept
 * in minDistance. Zones come in the order they are finished.
 */
export function labelZones(volume: DiscreteVolume, z: number, distance?: BorderDistances): Zones {
  // Without a distance map (none, or a box's: a whole image) WebAssembly labels the same zones.
  const fast = distance && !('box' in distance) ? null : labelZonesWasm(volume, z, distance);
  if (!fast) return labelZonesTs(volume, z, distance);
  const { level, size, min, count } = fast;
  return { level, size, count, ...(distance ? { minDistance: min } : {}) };
}

/** labelZones in TypeScript (any distances; the reference for the WebAssembly labelling). */
export function labelZonesTs(volume: DiscreteVolume, z: number, distance?: BorderDistances): Zones {
  const [nx, ny, nzAll] = volume.dims;
  const levels = volume.levels;
  const plane = nx * ny;
  const nz = z >= 0 ? 1 : nzAll;
  const z0 = z >= 0 ? z : 0;
  const regionStart = z0 * plane;
  const box = distance && 'box' in distance ? distance : undefined;
  const map = distance && !('box' in distance) ? distance : undefined;
  // Runs of two slices (one when labelling a slice), four numbers each (first x, last x,
  // level, label): slice A's runs numbered from 0, slice B's from plane (a slice has at most
  // one run per voxel).
  const slots = nz > 1 ? 2 : 1;
  const run = new Int32Array(4 * slots * plane);
  // Per voxel of the two slices (slice A first, then B): the first run of its row that ends at
  // or after it, so a run's neighbours in a row are found by lookup, not by a walk along it.
  const endingAt = new Int32Array(slots * plane);
  let rowsCur = new Int32Array(ny + 1);
  let rowsPrev = new Int32Array(ny + 1);
  // Labels: union-find parent (links from the larger label to the smaller), and at each root
  // its zone's level, size and smallest distance.
  let cap = 1024;
  let parent = new Int32Array(cap);
  let labLevel = new Int32Array(cap);
  let labSize = new Int32Array(cap);
  let labMin = new Int32Array(cap);
  let remap = new Int32Array(cap).fill(-1);
  let labels = 0;
  const out = new ZoneList();
  const find = (l: number): number => {
    while (parent[l] !== l) {
      const up = parent[parent[l]];
      parent[l] = up;
      l = up;
    }
    return l;
  };
  // Neighbour rows of the run being labelled: where the row's voxels start in endingAt, and
  // the number past its last run.
  const candRow = new Int32Array(4);
  const candEnd = new Int32Array(4);
  let prevBase = plane;
  let curBase = 0;
  let prevSlot = plane;
  let curSlot = 0;
  for (let zz = 0; zz < nz; zz++) {
    const hasPrev = zz > 0;
    let n = curBase;
    for (let y = 0; y < ny; y++) {
      rowsCur[y] = n;
      let nc = 0;
      if (y > 0) {
        candRow[nc] = curSlot + (y - 1) * nx;
        candEnd[nc++] = n;
      }
      if (hasPrev) {
        for (let yy = y > 0 ? y - 1 : 0, last = y + 1 < ny ? y + 1 : y; yy <= last; yy++) {
          candRow[nc] = prevSlot + yy * nx;
          candEnd[nc++] = rowsPrev[yy + 1];
        }
      }
      const rowSlot = curSlot + y * nx;
      const row = (z0 + zz) * plane + y * nx;
      const distRow = row - regionStart;
      // In a box the mask fills, a run's nearest face is this row's, or the box's side nearest
      // to one of its ends.
      let rowMin = NONE;
      if (box) {
        rowMin = Math.min(y + 1, ny - y);
        if (box.threeD) rowMin = Math.min(rowMin, zz + 1, nz - zz);
      }
      let x = 0;
      while (x < nx) {
        const g = levels[row + x];
        if (g === 0) {
          endingAt[rowSlot + x++] = n;
          continue;
        }
        const s = x;
        endingAt[rowSlot + x] = n;
        let min = NONE;
        if (map) {
          min = map[distRow + x];
          for (x++; x < nx && levels[row + x] === g; x++) {
            endingAt[rowSlot + x] = n;
            const d = map[distRow + x];
            if (d < min) min = d;
          }
        } else {
          for (x++; x < nx && levels[row + x] === g; x++) endingAt[rowSlot + x] = n;
        }
        const e = x - 1;
        if (box) min = Math.min(rowMin, s + 1, nx - e);
        // Join the zones of touching runs of level g in the neighbour rows.
        let root = -1;
        for (let k = 0; k < nc; k++) {
          const at = candRow[k];
          let q = endingAt[at + (s > 0 ? s - 1 : 0)];
          const end = candEnd[k];
          for (; q < end && run[4 * q] <= e + 1; q++) {
            if (run[4 * q + 2] !== g) continue;
            const lq = run[4 * q + 3];
            if (lq === root) continue;
            // Resolved once, the run keeps its root: the next run that meets it looks no further.
            const l = find(lq);
            run[4 * q + 3] = l;
            if (root < 0) root = l;
            else if (l !== root) {
              const keep = l < root ? l : root;
              const gone = l < root ? root : l;
              parent[gone] = keep;
              labSize[keep] += labSize[gone];
              if (labMin[gone] < labMin[keep]) labMin[keep] = labMin[gone];
              root = keep;
            }
          }
        }
        if (root < 0) {
          if (labels === cap) {
            cap *= 2;
            parent = grown(parent, cap);
            labLevel = grown(labLevel, cap);
            labSize = grown(labSize, cap);
            labMin = grown(labMin, cap);
            remap = grown(remap, cap).fill(-1, labels);
          }
          root = labels++;
          parent[root] = root;
          labLevel[root] = g;
          labSize[root] = 0;
          labMin[root] = NONE;
        }
        labSize[root] += e - s + 1;
        if (min < labMin[root]) labMin[root] = min;
        run[4 * n] = s;
        run[4 * n + 1] = e;
        run[4 * n + 2] = g;
        run[4 * n++ + 3] = root;
      }
    }
    rowsCur[ny] = n;
    if (zz === nz - 1) break;
    // Finish the zones no run of this slice belongs to; renumber the others 0, 1, ... in
    // label order (a new number is never above the old one, so moving in place is safe).
    for (let r = curBase; r < n; r++) {
      const l = find(run[4 * r + 3]);
      run[4 * r + 3] = l;
      remap[l] = -2;
    }
    let live = 0;
    for (let l = 0; l < labels; l++) {
      if (parent[l] !== l) continue;
      if (remap[l] === -2) {
        parent[live] = live;
        labLevel[live] = labLevel[l];
        labSize[live] = labSize[l];
        labMin[live] = labMin[l];
        remap[l] = live++;
      } else out.push(labLevel[l], labSize[l], labMin[l]);
    }
    for (let r = curBase; r < n; r++) run[4 * r + 3] = remap[run[4 * r + 3]];
    remap.fill(-1, 0, labels);
    labels = live;
    [rowsCur, rowsPrev] = [rowsPrev, rowsCur];
    [curBase, prevBase] = [prevBase, curBase];
    [curSlot, prevSlot] = [prevSlot, curSlot];
  }
  for (let l = 0; l < labels; l++)
    if (parent[l] === l) out.push(labLevel[l], labSize[l], labMin[l]);
  const count = out.count;
  return {
    level: out.level.subarray(0, count),
    size: out.size.subarray(0, count),
    count,
    ...(distance ? { minDistance: out.min.subarray(0, count) } : {}),
  };
}

/** ROI voxels of the zones: every ROI voxel is in exactly one. */
export function zoneVoxels(zones: Zones): number {
  let n = 0;
  for (let k = 0; k < zones.count; k++) n += zones.size[k];
  return n;
}
