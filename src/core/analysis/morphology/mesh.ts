// The ROI surface mesh (marching cubes at 0.5 on the zero-padded mask, vertices at edge
// midpoints, Lorensen's triangle table), reduced to what IBSI morphology needs: volume, area
// and the vertex set.
import { maskBounds } from '../roi/cropToMask';
import type { Dims, SpacingMm } from '../volume';
import { cubeTriangles, edgeMidpoint } from './cubeTable';

export interface MeshSummary {
  volumeMm3: number;
  areaMm2: number;
  /** Unique vertex coordinates in mm, xyz interleaved. */
  vertices: Float64Array;
  /** The same vertices on the half-voxel lattice (voxel (x, y, z) at (2x, 2y, 2z)): exact
   * integers, for the convex hull. */
  lattice: Int32Array;
}

/** The mask's bounding box [x0, x1, y0, y1, z0, z1] (inclusive), or null when it is empty. */
function maskBox(mask: Uint8Array, dims: Dims): number[] | null {
  const b = maskBounds(mask, dims);
  return b ? [b.x0, b.x1 - 1, b.y0, b.y1 - 1, b.z0, b.z1 - 1] : null;
}

/** Row length of the padded box: the box, a zero each side, rounded up to whole 32-bit words
 * so that every row starts on a word (uniformGroup reads four cubes' corners a word a row). */
function paddedWidth(box: readonly number[]): number {
  return (box[1] - box[0] + 3 + 3) & ~3;
}

const ones = 0x01010101;

/**
 * Whether the four cubes from index i (a multiple of 4) are all inside or all outside: their
 * corners are bytes i..i+4 of the four rows i, i + w, i + wh, i + wh + w. Such cubes have no
 * surface and no cut edge, so both passes skip them (most of a whole-image mask's cubes).
 */
function uniformGroup(
  m: Uint8Array,
  words: Uint32Array,
  i: number,
  w: number,
  wh: number,
): boolean {
  const a = words[i >> 2];
  const b = words[(i + w) >> 2];
  const c = words[(i + wh) >> 2];
  const d = words[(i + wh + w) >> 2];
  const e = m[i + 4] + m[i + w + 4] + m[i + wh + 4] + m[i + wh + w + 4];
  if (a === ones && b === ones && c === ones && d === ones) return e === 4;
  return (a | b | c | d) === 0 && e === 0;
}

/**
 * The box's voxels as 0/1 with one layer of zeros around: cube (x, y, z) of the whole volume
 * (corners x..x+1 etc., from -1) has its corner 0 at (x - x0 + 1) + w (y - y0 + 1) + ....
 */
function paddedBox(mask: Uint8Array | undefined, dims: Dims, box: readonly number[]): Uint8Array {
  const [nx, ny] = dims;
  const [x0, x1, y0, y1, z0, z1] = box;
  const w = paddedWidth(box);
  const h = y1 - y0 + 3;
  const out = new Uint8Array(w * h * (z1 - z0 + 3) + 8);
  for (let z = z0; z <= z1; z++)
    for (let y = y0; y <= y1; y++) {
      const from = x0 + nx * (y + ny * z);
      const to = 1 + w * (y - y0 + 1 + h * (z - z0 + 1));
      if (!mask) out.fill(1, to, to + x1 - x0 + 1);
      else for (let x = 0; x <= x1 - x0; x++) out[to + x] = mask[from + x] !== 0 ? 1 : 0;
    }
  return out;
}

/**
 * Per configuration, from its triangles in cube-local coordinates: the area at the given
 * spacing, and the two terms of its volume (divergence theorem with the field (x, 0, 0): the
 * volume is the sum over triangles of centroid x times the x component of the area vector;
 * for a cube at x this is x * ax + mx, in voxel units).
 */
function configTerms(spacingMm: SpacingMm): {
  areaMm2: Float64Array;
  ax: Float64Array;
  mx: Float64Array;
} {
  const [sx, sy, sz] = spacingMm;
  const table = cubeTriangles();
  const mids = Array.from({ length: 12 }, (_, e) => edgeMidpoint(e));
  const areaMm2 = new Float64Array(256);
  const ax = new Float64Array(256);
  const mx = new Float64Array(256);
  for (let c = 0; c < 256; c++) {
    const tris = table[c];
    for (let t = 0; t < tris.length; t += 3) {
      const p = mids[tris[t]];
      const q = mids[tris[t + 1]];
      const r = mids[tris[t + 2]];
      const u = [(q[0] - p[0]) * sx, (q[1] - p[1]) * sy, (q[2] - p[2]) * sz];
      const v = [(r[0] - p[0]) * sx, (r[1] - p[1]) * sy, (r[2] - p[2]) * sz];
      const cx = u[1] * v[2] - u[2] * v[1];
      const cy = u[2] * v[0] - u[0] * v[2];
      const cz = u[0] * v[1] - u[1] * v[0];
      areaMm2[c] += Math.sqrt(cx * cx + cy * cy + cz * cz) / 2;
      // In voxel units: the area vector's x component and the centroid's x.
      const axT = ((q[1] - p[1]) * (r[2] - p[2]) - (q[2] - p[2]) * (r[1] - p[1])) / 2;
      ax[c] += axT;
      mx[c] += (axT * (p[0] + q[0] + r[0])) / 3;
    }
  }
  return { areaMm2, ax, mx };
}

/** The mesh of mask; no mask: every voxel (a whole image, with no mask made for it). */
export function roiMesh(
  mask: Uint8Array | undefined,
  dims: Dims,
  spacingMm: SpacingMm,
): MeshSummary {
  const box = mask
    ? maskBox(mask, dims)
    : dims.every((n) => n > 0)
      ? [0, dims[0] - 1, 0, dims[1] - 1, 0, dims[2] - 1]
      : null;
  if (!box) {
    return { volumeMm3: 0, areaMm2: 0, vertices: new Float64Array(0), lattice: new Int32Array(0) };
  }
  const [sx, sy, sz] = spacingMm;
  const [x0, x1, y0, y1, z0, z1] = box;
  const w = paddedWidth(box);
  const wh = w * (y1 - y0 + 3);
  const m = paddedBox(mask, dims, box);
  const words = new Uint32Array(m.buffer, 0, m.length >> 2);
  const cubes = x1 - x0 + 2;
  // Every cube's surface depends on its configuration alone (area) or on it and the cube's x
  // (volume), so the cubes are only counted: per configuration, how many and the sum of their
  // x (exact integers), and the sums are formed once at the end.
  const count = new Float64Array(256);
  const sumX = new Float64Array(256);
  const full = !mask;
  // Cubes span voxel centres (x, y, z) .. (x + 1, y + 1, z + 1); outside the box grown by one
  // they have no inside corner.
  for (let z = z0 - 1; z <= z1; z++) {
    for (let y = y0 - 1; y <= y1; y++) {
      const row = w * (y - y0 + 1) + wh * (z - z0 + 1);
      const inner = innerCubesOnly(full, box, y, z);
      for (let k = 0; k < cubes; k++) {
        // Between the row's first and last cube every cube is inside (config 255: no surface).
        if (k === 1 && inner) k = cubes - 1;
        const i = row + k;
        if ((k & 3) === 0 && k + 4 <= cubes && uniformGroup(m, words, i, w, wh)) {
          k += 3;
          continue;
        }
        const x = x0 - 1 + k;
        const config =
          m[i] |
          (m[i + 1] << 1) |
          (m[i + w] << 2) |
          (m[i + w + 1] << 3) |
          (m[i + wh] << 4) |
          (m[i + wh + 1] << 5) |
          (m[i + wh + w] << 6) |
          (m[i + wh + w + 1] << 7);
        count[config]++;
        sumX[config] += x;
      }
    }
  }
  const terms = configTerms(spacingMm);
  let volume = 0;
  let area = 0;
  for (let c = 1; c < 255; c++) {
    if (count[c] === 0) continue;
    volume += sumX[c] * terms.ax[c] + count[c] * terms.mx[c];
    area += count[c] * terms.areaMm2[c];
  }
  volume *= sx * sy * sz;
  const lattice = cutEdgeMidpoints(m, words, box, full);
  const vertices = new Float64Array(lattice.length);
  for (let i = 0; i < lattice.length; i += 3) {
    // (2x + 1) / 2 is x + 0.5 exactly.
    vertices[i] = (lattice[i] / 2) * sx;
    vertices[i + 1] = (lattice[i + 1] / 2) * sy;
    vertices[i + 2] = (lattice[i + 2] / 2) * sz;
  }
  return { volumeMm3: volume, areaMm2: area, vertices, lattice };
}

/**
 * Whether the cubes of row (y, z) are all inside except the first and the last: a box the mask
 * fills (full: a whole image, given without a mask), and the row's four corner rows (y and
 * y + 1, z and z + 1) all in it. Such a row's surface is its two ends alone, so the passes look
 * at those two cubes only, in the same order as a scan of the row.
 */
function innerCubesOnly(full: boolean, box: readonly number[], y: number, z: number): boolean {
  return full && y >= box[2] && y < box[3] && z >= box[4] && z < box[5] && box[1] > box[0];
}

/**
 * The mesh's vertices on the half-voxel lattice, without deduplication: with vertices at edge
 * midpoints, there is exactly one per pair of neighbouring voxels (zero padding included) where
 * the mask changes.
 */
function cutEdgeMidpoints(
  m: Uint8Array,
  words: Uint32Array,
  box: readonly number[],
  full: boolean,
): Int32Array {
  const [x0, x1, y0, y1, z0, z1] = box;
  const w = paddedWidth(box);
  const wh = w * (y1 - y0 + 3);
  const cubes = x1 - x0 + 2;
  let count = 0;
  for (let z = z0 - 1; z <= z1; z++)
    for (let y = y0 - 1; y <= y1; y++) {
      const row = w * (y - y0 + 1) + wh * (z - z0 + 1);
      const inner = innerCubesOnly(full, box, y, z);
      for (let k = 0; k < cubes; k++) {
        // Inside cubes cut no edge (all their corners are 1).
        if (k === 1 && inner) k = cubes - 1;
        const i = row + k;
        if ((k & 3) === 0 && k + 4 <= cubes && uniformGroup(m, words, i, w, wh)) {
          k += 3;
          continue;
        }
        const here = m[i];
        count += (here ^ m[i + 1]) + (here ^ m[i + w]) + (here ^ m[i + wh]);
      }
    }
  const out = new Int32Array(3 * count);
  let k = 0;
  const put = (x: number, y: number, z: number): void => {
    out[k++] = x;
    out[k++] = y;
    out[k++] = z;
  };
  for (let z = z0 - 1; z <= z1; z++)
    for (let y = y0 - 1; y <= y1; y++) {
      const row = w * (y - y0 + 1) + wh * (z - z0 + 1);
      const inner = innerCubesOnly(full, box, y, z);
      for (let k = 0; k < cubes; k++) {
        if (k === 1 && inner) k = cubes - 1;
        const i = row + k;
        if ((k & 3) === 0 && k + 4 <= cubes && uniformGroup(m, words, i, w, wh)) {
          k += 3;
          continue;
        }
        const x = x0 - 1 + k;
        const here = m[i];
        if (here !== m[i + 1]) put(2 * x + 1, 2 * y, 2 * z);
        if (here !== m[i + w]) put(2 * x, 2 * y + 1, 2 * z);
        if (here !== m[i + wh]) put(2 * x, 2 * y, 2 * z + 1);
      }
    }
  return out;
}
