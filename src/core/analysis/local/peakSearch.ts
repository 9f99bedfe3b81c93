// The IBSI intensity peaks without a sphere mean at every ROI voxel. A sphere's mean is at most
// the largest image value it holds, so blocks of voxels are given a bound (the largest value
// within sphere reach of the block, from per-block maxima) and a block whose bound does not
// beat the best mean found so far cannot hold the global peak. A few promising blocks are
// measured first (highest block mean), then one streaming pass measures only the voxels of
// blocks still above the best, and the voxels at the ROI's brightest value (the local peak).
// Each measured mean is the same float arithmetic as forEachSphereMean's (prefix sums of the
// row from x = 0, chords in the same order), so the peaks are bit-identical to measuring all.
import { maskBounds, type VoxelBox } from '../roi/cropToMask';
import type { RoiVolume, VoxelValues } from '../volume';
import { sphereChords } from './sphereMeans';

/** Blocks measured before the streaming pass, to start it with a good best mean. */
const seedBlocks = 8;

interface Geometry {
  nx: number;
  ny: number;
  nz: number;
  chords: Int32Array;
  /** Block size and grid, over the part of the image the ROI's spheres reach. */
  bx: number;
  by: number;
  bz: number;
  gx: number;
  gy: number;
  gz: number;
  /** Origin of the block grid (the reach's corner). */
  ox: number;
  oy: number;
  oz: number;
}

/** Per-block maximum and mean of the image, and whether the block holds ROI voxels. */
function blockStats(
  roi: RoiVolume,
  mask: Uint8Array | undefined,
  g: Geometry,
  reach: VoxelBox,
): { max: Float64Array; mean: Float64Array; roi: Uint8Array } {
  const { nx, ny, bx, by, bz, gx, gy, gz, ox, oy, oz } = g;
  const values = roi.values;
  const blocks = gx * gy * gz;
  const max = new Float64Array(blocks).fill(-Infinity);
  const sum = new Float64Array(blocks);
  const count = new Float64Array(blocks);
  const hasRoi = new Uint8Array(blocks);
  for (let z = reach.z0; z < reach.z1; z++) {
    const kz = ((z - oz) / bz) | 0;
    for (let y = reach.y0; y < reach.y1; y++) {
      const rowBlock = gx * (((y - oy) / by) | 0) + gx * gy * kz;
      const row = nx * (y + ny * z);
      for (let x0 = reach.x0; x0 < reach.x1; x0 += bx) {
        const x1 = Math.min(reach.x1, x0 + bx);
        const b = rowBlock + (x0 - ox) / bx;
        let m = max[b];
        let s = 0;
        let inRoi = 0;
        for (let i = row + x0, end = row + x1; i < end; i++) {
          const v = values[i];
          if (v > m) m = v;
          s += v;
          inRoi |= mask ? mask[i] : 1;
        }
        max[b] = m;
        sum[b] += s;
        count[b] += x1 - x0;
        if (inRoi) hasRoi[b] = 1;
      }
    }
  }
  for (let b = 0; b < blocks; b++) sum[b] = count[b] > 0 ? sum[b] / count[b] : -Infinity;
  return { max, mean: sum, roi: hasRoi };
}

/** Largest of a along one grid axis within k blocks either side (stride apart, n along it). */
function dilateAxis(a: Float64Array, n: number, stride: number, k: number): Float64Array {
  if (k === 0) return a;
  const out = new Float64Array(a.length);
  for (let b = 0; b < a.length; b++) {
    const i = Math.floor(b / stride) % n;
    let m = -Infinity;
    for (let d = Math.max(0, i - k); d <= Math.min(n - 1, i + k); d++) {
      const v = a[b + (d - i) * stride];
      if (v > m) m = v;
    }
    out[b] = m;
  }
  return out;
}

/**
 * Chords of the sphere around row (y, z) that stay in the image: where each chord's row starts
 * in the prefix sums (offsetOf(qy, qz)) and its half-width, in chord order. Returns how many.
 */
function rowChords(
  g: Geometry,
  y: number,
  z: number,
  offsetOf: (qy: number, qz: number) => number,
  c: Chords,
): number {
  const { chords, ny, nz } = g;
  let n = 0;
  let count = 0;
  for (let k = 0; k < chords.length; k += 3) {
    const qy = y + chords[k];
    const qz = z + chords[k + 1];
    if (qy < 0 || qy >= ny || qz < 0 || qz >= nz) continue;
    const hw = chords[k + 2];
    c.rowStart[n] = offsetOf(qy, qz);
    c.halfWidth[n] = hw;
    c.hiAt[n] = c.rowStart[n] + hw + 1;
    c.loAt[n] = c.rowStart[n] - hw;
    count += 2 * hw + 1;
    n++;
  }
  c.n = n;
  c.interiorCount = count;
  return n;
}

/** The chords of one row's spheres (rowChords), with where each chord's sums are read for a
 * voxel whose chords all stay inside the row (x within reach of neither end): sums[hiAt + x] -
 * sums[loAt + x], interiorCount voxels in all. */
interface Chords {
  n: number;
  rowStart: Int32Array;
  halfWidth: Int32Array;
  hiAt: Int32Array;
  loAt: Int32Array;
  interiorCount: number;
}

function chordsFor(g: Geometry): Chords {
  const n = g.chords.length / 3;
  return {
    n: 0,
    rowStart: new Int32Array(n),
    halfWidth: new Int32Array(n),
    hiAt: new Int32Array(n),
    loAt: new Int32Array(n),
    interiorCount: 0,
  };
}

/** meanAt for a voxel at least the sphere's x reach from both ends of the row: the same sums
 * and the same count, without clamping each chord to the row. */
function meanInside(x: number, sums: Float64Array, c: Chords): number {
  const { n, hiAt, loAt } = c;
  let sum = 0;
  for (let k = 0; k < n; k++) sum += sums[hiAt[k] + x] - sums[loAt[k] + x];
  return sum / c.interiorCount;
}

/** The sphere mean at x (meanInside where no chord meets the row's ends). */
function meanOf(x: number, nx: number, rx: number, sums: Float64Array, c: Chords): number {
  return x >= rx && x + rx < nx
    ? meanInside(x, sums, c)
    : meanAt(x, nx, sums, c.n, c.rowStart, c.halfWidth);
}

/** The sphere mean at x of a row whose chords are given: forEachSphereMean's arithmetic. */
function meanAt(
  x: number,
  nx: number,
  sums: Float64Array,
  n: number,
  rowStart: Int32Array,
  halfWidth: Int32Array,
): number {
  let sum = 0;
  let count = 0;
  for (let k = 0; k < n; k++) {
    const hw = halfWidth[k];
    const x0 = x - hw < 0 ? 0 : x - hw;
    const x1 = x + hw >= nx ? nx - 1 : x + hw;
    sum += sums[rowStart[k] + x1 + 1] - sums[rowStart[k] + x0];
    count += x1 - x0 + 1;
  }
  return sum / count;
}

/** Prefix sums from x = 0 of one image row, up to (not including) xEnd, at sums[at..]. */
function prefixRow(
  values: VoxelValues,
  src: number,
  xEnd: number,
  sums: Float64Array,
  at: number,
): void {
  let acc = 0;
  sums[at] = 0;
  for (let x = 0; x < xEnd; x++) {
    acc += values[src + x];
    sums[at + x + 1] = acc;
  }
}

/** The best sphere mean over the ROI voxels of block b (-Infinity when it holds none). */
function measureBlock(
  roi: RoiVolume,
  mask: Uint8Array | undefined,
  g: Geometry,
  b: number,
  r: number[],
): number {
  const { nx, ny, nz, bx, by, bz, gx, gy, ox, oy, oz } = g;
  const x0 = ox + bx * (b % gx);
  const y0 = oy + by * (Math.floor(b / gx) % gy);
  const z0 = oz + bz * Math.floor(b / (gx * gy));
  const x1 = Math.min(nx, x0 + bx);
  const y1 = Math.min(ny, y0 + by);
  const z1 = Math.min(nz, z0 + bz);
  const xEnd = Math.min(nx, x1 + r[0]);
  const stride = xEnd + 1;
  const qy0 = Math.max(0, y0 - r[1]);
  const qz0 = Math.max(0, z0 - r[2]);
  const rowsY = Math.min(ny, y1 + r[1]) - qy0;
  const rowsZ = Math.min(nz, z1 + r[2]) - qz0;
  const sums = new Float64Array(stride * rowsY * rowsZ);
  for (let qz = 0; qz < rowsZ; qz++)
    for (let qy = 0; qy < rowsY; qy++)
      prefixRow(
        roi.values,
        nx * (qy + qy0 + ny * (qz + qz0)),
        xEnd,
        sums,
        stride * (qy + rowsY * qz),
      );
  const offsetOf = (qy: number, qz: number): number => stride * (qy - qy0 + rowsY * (qz - qz0));
  const c = chordsFor(g);
  let best = -Infinity;
  for (let z = z0; z < z1; z++)
    for (let y = y0; y < y1; y++) {
      const row = nx * (y + ny * z);
      let n = -1;
      for (let x = x0; x < x1; x++) {
        if (mask && mask[row + x] === 0) continue;
        if (n < 0) n = rowChords(g, y, z, offsetOf, c);
        const m = meanOf(x, nx, r[0], sums, c);
        if (m > best) best = m;
      }
    }
  return best;
}

/** [local peak, global peak] of the ROI (IBSI 9ST6), -Infinity for an empty intensity mask
 * (none: every voxel, with no mask made for a whole image); seeds: how many blocks to measure
 * before the streaming pass (tests try none). */
export function intensityPeaks(
  roi: RoiVolume,
  mask: Uint8Array | undefined,
  seeds = seedBlocks,
): [local: number, global: number] {
  const [nx, ny, nz] = roi.dims;
  const values = roi.values;
  const box = mask
    ? maskBounds(mask, roi.dims)
    : nx * ny * nz > 0
      ? { x0: 0, x1: nx, y0: 0, y1: ny, z0: 0, z1: nz }
      : null;
  if (!box) return [-Infinity, -Infinity];
  const chords = sphereChords(roi.spacingMm);
  const r = [0, 0, 0];
  for (let k = 0; k < chords.length; k += 3) {
    r[0] = Math.max(r[0], chords[k + 2]);
    r[1] = Math.max(r[1], Math.abs(chords[k]));
    r[2] = Math.max(r[2], Math.abs(chords[k + 1]));
  }
  const reach: VoxelBox = {
    x0: Math.max(0, box.x0 - r[0]),
    x1: Math.min(nx, box.x1 + r[0]),
    y0: Math.max(0, box.y0 - r[1]),
    y1: Math.min(ny, box.y1 + r[1]),
    z0: Math.max(0, box.z0 - r[2]),
    z1: Math.min(nz, box.z1 + r[2]),
  };
  // Blocks about the sphere's reach on a side: a block's bound then spans three blocks per axis.
  const size = r.map((q) => Math.max(2, Math.min(16, q + 1)));
  const k = r.map((q, i) => Math.ceil(q / size[i]));
  const g: Geometry = {
    nx,
    ny,
    nz,
    chords,
    bx: size[0],
    by: size[1],
    bz: size[2],
    gx: Math.ceil((reach.x1 - reach.x0) / size[0]),
    gy: Math.ceil((reach.y1 - reach.y0) / size[1]),
    gz: Math.ceil((reach.z1 - reach.z0) / size[2]),
    ox: reach.x0,
    oy: reach.y0,
    oz: reach.z0,
  };
  const stats = blockStats(roi, mask, g, reach);
  const bound = dilateAxis(
    dilateAxis(dilateAxis(stats.max, g.gx, 1, k[0]), g.gy, g.gx, k[1]),
    g.gz,
    g.gx * g.gy,
    k[2],
  );
  // The ROI's brightest value: the local peak is the best mean among its voxels.
  let maxValue = -Infinity;
  // Without a mask the blocks cover the ROI (the whole image) and nothing else: their maxima.
  if (!mask) {
    for (let b = 0; b < stats.max.length; b++) maxValue = Math.max(maxValue, stats.max[b]);
  } else {
    for (let z = box.z0; z < box.z1; z++)
      for (let y = box.y0; y < box.y1; y++)
        for (let i = box.x0 + nx * (y + ny * z), end = i - box.x0 + box.x1; i < end; i++)
          if (mask[i] !== 0 && values[i] > maxValue) maxValue = values[i];
  }
  // A good best mean to start from: the blocks with the highest mean image value.
  const roiBlocks: number[] = [];
  for (let b = 0; b < stats.roi.length; b++) if (stats.roi[b]) roiBlocks.push(b);
  roiBlocks.sort((a, b) => stats.mean[b] - stats.mean[a]);
  let best = -Infinity;
  for (const b of roiBlocks.slice(0, seeds))
    best = Math.max(best, measureBlock(roi, mask, g, b, r));

  // The streaming pass: prefix sums for a ring of 2 rz + 1 planes (as forEachSphereMean), means
  // only where a block's bound beats the best so far or the voxel is at the brightest value.
  const xEnd = reach.x1;
  const stride = xEnd + 1;
  const rowsY = reach.y1 - reach.y0;
  const ring = Math.min(2 * r[2] + 1, reach.z1 - reach.z0);
  const sums = new Float64Array(stride * rowsY * ring);
  const offsetOf = (qy: number, qz: number): number =>
    stride * (qy - reach.y0 + rowsY * ((qz - reach.z0) % ring));
  const c = chordsFor(g);
  let filled = reach.z0;
  let local = -Infinity;
  for (let z = box.z0; z < box.z1; z++) {
    const kz = ((z - g.oz) / g.bz) | 0;
    for (const last = Math.min(reach.z1, z + r[2] + 1); filled < last; filled++) {
      for (let y = reach.y0; y < reach.y1; y++)
        prefixRow(values, nx * (y + ny * filled), xEnd, sums, offsetOf(y, filled));
    }
    for (let y = box.y0; y < box.y1; y++) {
      const row = nx * (y + ny * z);
      const rowBlock = g.gx * (((y - g.oy) / g.by) | 0) + g.gx * g.gy * kz;
      let n = -1;
      // Block by block along the row (blocks start at the grid's origin).
      for (let xs = g.ox + g.bx * Math.floor((box.x0 - g.ox) / g.bx); xs < box.x1; xs += g.bx) {
        const b = rowBlock + (xs - g.ox) / g.bx;
        // A block that can beat nothing and holds no voxel at the brightest value is passed.
        if (bound[b] <= best && stats.max[b] < maxValue) continue;
        for (let x = Math.max(xs, box.x0), end = Math.min(xs + g.bx, box.x1); x < end; x++) {
          if (mask && mask[row + x] === 0) continue;
          const atMax = values[row + x] === maxValue;
          if (!atMax && bound[b] <= best) continue;
          if (n < 0) n = rowChords(g, y, z, offsetOf, c);
          const m = meanOf(x, nx, r[0], sums, c);
          if (m > best) best = m;
          if (atMax && m > local) local = m;
        }
      }
    }
  }
  return [local, best];
}
