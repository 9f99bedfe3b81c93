// Grey level co-occurrence matrices (IBSI family LFYI): symmetric counts of level pairs at a
// Chebyshev distance along each direction, in one slice (z >= 0) or the whole volume (z = -1).
//
// Counting is branch-free: grey level 0 (outside the ROI) gets its own row and column in a
// (Ng+1)^2 table, which is dropped at the end. In a slice, the four in-plane directions are
// counted in one pass over the pixels they share, then each direction's border strips; the
// usual case (directions2d at distance 1) runs wholly in WebAssembly, matrices included.
import type { DiscreteVolume } from '../volume';
import { directions2d, type Direction } from './directions';
import { emptyMatrix, type TextureMatrix } from './matrix';
import { countFourWasm, slice2dMatricesWasm } from './simd/glcmWasm';

/** A box of voxel coordinates, half-open: [x0, x1) x [y0, y1) x [z0, z1). */
type Box = [x0: number, x1: number, y0: number, y1: number, z0: number, z1: number];

/** Voxels p such that p and p + step both lie inside the slice or volume. */
function validBox(volume: DiscreteVolume, step: Direction, z: number): Box {
  const [nx, ny, nz] = volume.dims;
  const [dx, dy, dz] = step;
  const [z0, z1] = z >= 0 ? [z, z + 1] : [Math.max(0, -dz), Math.min(nz, nz - dz)];
  return [Math.max(0, -dx), Math.min(nx, nx - dx), Math.max(0, -dy), Math.min(ny, ny - dy), z0, z1];
}

function intersect(a: Box, b: Box): Box {
  return [
    Math.max(a[0], b[0]),
    Math.min(a[1], b[1]),
    Math.max(a[2], b[2]),
    Math.min(a[3], b[3]),
    Math.max(a[4], b[4]),
    Math.min(a[5], b[5]),
  ];
}

/** Adds pairs (p, p + offset) for x in [x0, x1) of one row starting at flat index row. */
function countRow(
  levels: Uint16Array,
  table: Int32Array,
  g: number,
  offset: number,
  row: number,
  x0: number,
  x1: number,
): void {
  for (let i = row + x0, end = row + x1; i < end; i++) table[levels[i] * g + levels[i + offset]]++;
}

/** Counts every voxel of box r that is not in box inner (inner may be empty). */
function countBoxMinus(
  volume: DiscreteVolume,
  table: Int32Array,
  offset: number,
  r: Box,
  inner: Box,
): void {
  const [nx, ny] = volume.dims;
  const g = volume.levelCount + 1;
  const innerEmpty = inner[0] >= inner[1] || inner[2] >= inner[3] || inner[4] >= inner[5];
  for (let z = r[4]; z < r[5]; z++) {
    for (let y = r[2]; y < r[3]; y++) {
      const row = nx * (y + ny * z);
      const rowInInner =
        !innerEmpty && z >= inner[4] && z < inner[5] && y >= inner[2] && y < inner[3];
      if (!rowInInner) {
        countRow(volume.levels, table, g, offset, row, r[0], r[1]);
      } else {
        countRow(volume.levels, table, g, offset, row, r[0], inner[0]);
        countRow(volume.levels, table, g, offset, row, inner[1], r[1]);
      }
    }
  }
}

/**
 * The four in-plane directions of a slice counted together over the box they share. Even and
 * odd pixels count into separate tables (summed at the end): in smooth images runs of equal
 * pairs would otherwise wait on one memory cell, increment after increment.
 */
function countFour(
  volume: DiscreteVolume,
  tables: Int32Array[],
  offsets: number[],
  box: Box,
): void {
  const { levels } = volume;
  const [nx, ny] = volume.dims;
  const g = volume.levelCount + 1;
  const [t0, t1, t2, t3] = tables;
  const u0 = new Int32Array(g * g);
  const u1 = new Int32Array(g * g);
  const u2 = new Int32Array(g * g);
  const u3 = new Int32Array(g * g);
  const [o0, o1, o2, o3] = offsets;
  for (let z = box[4]; z < box[5]; z++) {
    for (let y = box[2]; y < box[3]; y++) {
      const row = nx * (y + ny * z);
      const end = row + box[1];
      let i = row + box[0];
      for (; i + 1 < end; i += 2) {
        const p = levels[i] * g;
        const q = levels[i + 1] * g;
        t0[p + levels[i + o0]]++;
        t1[p + levels[i + o1]]++;
        t2[p + levels[i + o2]]++;
        t3[p + levels[i + o3]]++;
        u0[q + levels[i + 1 + o0]]++;
        u1[q + levels[i + 1 + o1]]++;
        u2[q + levels[i + 1 + o2]]++;
        u3[q + levels[i + 1 + o3]]++;
      }
      if (i < end) {
        const p = levels[i] * g;
        t0[p + levels[i + o0]]++;
        t1[p + levels[i + o1]]++;
        t2[p + levels[i + o2]]++;
        t3[p + levels[i + o3]]++;
      }
    }
  }
  for (let k = 0; k < g * g; k++) {
    t0[k] += u0[k];
    t1[k] += u1[k];
    t2[k] += u2[k];
    t3[k] += u3[k];
  }
}

/** Symmetric Ng x Ng matrix from an (Ng+1)^2 one-way count table. */
function symmetricMatrix(table: Int32Array, ng: number, voxels: number): TextureMatrix {
  const m = emptyMatrix(ng, ng);
  const g = ng + 1;
  for (let r = 0; r < ng; r++) {
    for (let c = 0; c < ng; c++) {
      m.data[r * ng + c] = table[(r + 1) * g + c + 1] + table[(c + 1) * g + r + 1];
    }
  }
  m.voxels = voxels;
  return m;
}

/**
 * The volume's directions four at a time: the box the four share is counted slice by slice in
 * WebAssembly (the slice and the next ones the steps reach, copied there together; offsets
 * into them are plain flat offsets), the rest of each direction's box in TypeScript. A
 * leftover direction, or no WebAssembly, counts in TypeScript.
 */
function countVolumeByFours(
  volume: DiscreteVolume,
  steps: readonly Direction[],
  offsets: readonly number[],
  boxes: readonly Box[],
  tables: readonly Int32Array[],
): void {
  const [nx, ny, nz] = volume.dims;
  const plane = nx * ny;
  const g = volume.levelCount + 1;
  const none: Box = [0, 0, 0, 0, 0, 0];
  for (let first = 0; first < steps.length; first += 4) {
    const group = [first, first + 1, first + 2, first + 3].filter((k) => k < steps.length);
    let shared: Box = none;
    if (group.length === 4) {
      const box = group.map((k) => boxes[k]).reduce(intersect);
      const reach = Math.max(...group.map((k) => Math.abs(steps[k][2])));
      const empty = box[0] >= box[1] || box[2] >= box[3] || box[4] >= box[5];
      // Offsets reach forward only (dz >= 0) within the copied slices.
      const forward = group.every((k) => offsets[k] >= 0 || steps[k][2] === 0);
      if (!empty && forward) {
        const four = group.map((k) => tables[k]);
        const at = group.map((k) => offsets[k]);
        // countFourWasm answers false only without WebAssembly: then at the first slice.
        let counted = true;
        for (let zz = box[4]; zz < box[5] && counted; zz++) {
          const window = volume.levels.subarray(zz * plane, Math.min(nz, zz + reach + 1) * plane);
          counted = countFourWasm(window, nx, g, [box[0], box[1], box[2], box[3]], at, four);
        }
        if (counted) shared = box;
      }
    }
    for (const k of group) countBoxMinus(volume, tables[k], offsets[k], boxes[k], shared);
  }
}

function sameDirections(a: readonly Direction[], b: readonly Direction[]): boolean {
  return a.length === b.length && a.every((d, k) => d.every((v, i) => v === b[k][i]));
}

/** One co-occurrence matrix per direction, for slice z (z >= 0) or the volume (z = -1). */
export function glcmMatrices(
  volume: DiscreteVolume,
  directions: readonly Direction[],
  z: number,
  distance = 1,
): TextureMatrix[] {
  const [nx, ny] = volume.dims;
  const g = volume.levelCount + 1;
  if (z >= 0 && distance === 1 && sameDirections(directions, directions2d)) {
    // The usual 2D case: the whole slice in WebAssembly, matrices included.
    const plane = nx * ny;
    const slice = volume.levels.subarray(z * plane, (z + 1) * plane);
    const data = slice2dMatricesWasm(slice, nx, ny, g);
    if (data) return data.map((d) => ({ data: d, rows: g - 1, cols: g - 1, voxels: 0 }));
  }
  const steps = directions.map(
    ([dx, dy, dz]) => [dx * distance, dy * distance, z >= 0 ? 0 : dz * distance] as Direction,
  );
  const offsets = steps.map(([dx, dy, dz]) => dx + nx * (dy + ny * dz));
  const boxes = steps.map((s) => validBox(volume, s, z));
  const tables = steps.map(() => new Int32Array(g * g));
  const none: Box = [0, 0, 0, 0, 0, 0];
  if (steps.length === 4) {
    const shared = boxes.reduce(intersect);
    const sharedEmpty = shared[0] >= shared[1] || shared[2] >= shared[3] || shared[4] >= shared[5];
    if (!sharedEmpty) {
      // In a slice the plain-WebAssembly counter (no bounds checks) does the shared box.
      const plane = nx * ny;
      const counted =
        z >= 0 &&
        countFourWasm(
          volume.levels.subarray(z * plane, (z + 1) * plane),
          nx,
          g,
          [shared[0], shared[1], shared[2], shared[3]],
          offsets,
          tables,
        );
      if (!counted) countFour(volume, tables, offsets, shared);
    }
    boxes.forEach((b, k) =>
      countBoxMinus(volume, tables[k], offsets[k], b, sharedEmpty ? none : shared),
    );
  } else if (z < 0) {
    countVolumeByFours(volume, steps, offsets, boxes, tables);
  } else {
    boxes.forEach((b, k) => countBoxMinus(volume, tables[k], offsets[k], b, none));
  }
  // GLCM features never use the voxel count, so it is left at 0 rather than counted.
  return tables.map((t) => symmetricMatrix(t, volume.levelCount, 0));
}

/** The co-occurrence matrix of a single direction. */
export function glcmMatrix(
  volume: DiscreteVolume,
  direction: Direction,
  z: number,
  distance = 1,
): TextureMatrix {
  return glcmMatrices(volume, [direction], z, distance)[0];
}
