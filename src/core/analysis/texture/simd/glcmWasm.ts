// The WebAssembly GLCM counting kernels (glcm.wat), instantiated once on first use; null where
// WebAssembly is missing, and callers then count in TypeScript.
import { instantiateSync, reserveBytes, type WasmMemory } from '../../wasmInstance';
import { glcmWasmBytes } from './glcmWasmBytes';

type Rect = [x0: number, x1: number, y0: number, y1: number];

interface GlcmExports {
  memory: WasmMemory;
  glcm4(
    levels: number,
    tables: number,
    nx: number,
    g: number,
    ...rest: [...Rect, o0: number, o1: number, o2: number, o3: number]
  ): void;
  glcm2d(levels: number, nx: number, g: number, rows: number, last: number): void;
  glcm2dMatrices(g: number, out: number): void;
  log2(x: number): number;
  glcmCells(
    m: number,
    ng: number,
    px: number,
    pd: number,
    ps: number,
    lx: number,
    out: number,
  ): void;
}

/** glcm2d's table slots: 8 of them, 0x4400 bytes apart from address 0, for g <= 64. */
const slotBytes = 0x4400;
const slotMaxG = 64;
/** Where glcm2dMatrices writes (4 f64 matrices of up to 63 x 63), then the band of levels. */
const matricesAt = 8 * slotBytes;
const bandAt = matricesAt + 4 * 8 * slotMaxG * slotMaxG;
/** Levels copied into WASM memory per glcm2d call: a band that stays in the L2 cache. */
const bandBytes = 1 << 17;

let instance: GlcmExports | null | undefined;

function glcmWasm(): GlcmExports | null {
  if (instance === undefined) instance = instantiateSync<GlcmExports>(glcmWasmBytes);
  return instance;
}

/** Adds the even- and odd-pixel tables of each direction (8 in memory) into tables. */
function addTables(
  mem: Int32Array,
  stride: number,
  tables: readonly Int32Array[],
  tableInts: number,
): void {
  for (let k = 0; k < 4; k++) {
    const t = tables[k];
    const even = k * stride;
    const odd = (4 + k) * stride;
    for (let j = 0; j < tableInts; j++) t[j] += mem[even + j] + mem[odd + j];
  }
}

/**
 * Counts the four in-plane directions of one slice over rows [y0, y1) and columns [x0, x1) into
 * tables (g*g each, added to). sliceLevels is the slice's grey levels (0 outside the ROI).
 * Returns false when WebAssembly is unavailable, so nothing was counted.
 */
export function countFourWasm(
  sliceLevels: Uint16Array,
  nx: number,
  g: number,
  box: readonly [x0: number, x1: number, y0: number, y1: number],
  offsets: readonly number[],
  tables: readonly Int32Array[],
): boolean {
  const wasm = glcmWasm();
  if (!wasm) return false;
  const plane = sliceLevels.length;
  const tableInts = g * g;
  const [o0, o1, o2, o3] = offsets;
  const [x0, x1, y0, y1] = box;
  // Levels (16-bit) first, then the tables (32-bit) from the next 4-byte boundary.
  const tablesAt = 4 * Math.ceil(plane / 2);
  reserveBytes(wasm.memory, tablesAt + 4 * 8 * tableInts);
  new Uint16Array(wasm.memory.buffer, 0, plane).set(sliceLevels);
  const mem = new Int32Array(wasm.memory.buffer, tablesAt, 8 * tableInts);
  mem.fill(0);
  wasm.glcm4(0, tablesAt, nx, g, x0, x1, y0, y1, o0, o1, o2, o3);
  addTables(mem, tableInts, tables, tableInts);
  return true;
}

/**
 * The four symmetric co-occurrence matrices (Ng x Ng, row-major, Ng = g - 1) of a whole slice
 * for directions (1,0), (1,1), (0,1), (-1,1) at distance 1, with level 0 (outside the ROI)
 * dropped. Null where this kernel does not apply (WebAssembly missing, nx < 2, g > 64).
 */
export function slice2dMatricesWasm(
  sliceLevels: Uint16Array,
  nx: number,
  ny: number,
  g: number,
): Float64Array[] | null {
  const wasm = g <= slotMaxG && nx >= 2 && ny >= 1 ? glcmWasm() : null;
  if (!wasm) return null;
  const bandRows = Math.max(1, Math.floor(bandBytes / (2 * nx)));
  reserveBytes(wasm.memory, bandAt + 2 * nx * (bandRows + 1));
  const slots = new Int32Array(wasm.memory.buffer, 0, (8 * slotBytes) / 4);
  for (let s = 0; s < 8; s++) slots.fill(0, (s * slotBytes) / 4, (s * slotBytes) / 4 + g * g);
  const band = new Uint16Array(wasm.memory.buffer, bandAt, nx * (bandRows + 1));
  // Bands of rows with the row below each; the last one also takes the bottom row's pairs.
  for (let y = 0; ; y += bandRows) {
    const rows = Math.min(bandRows, ny - 1 - y);
    band.set(sliceLevels.subarray(y * nx, (y + rows + 1) * nx));
    const last = y + rows === ny - 1;
    wasm.glcm2d(bandAt, nx, g, rows, last ? 1 : 0);
    if (last) break;
  }
  wasm.glcm2dMatrices(g, matricesAt);
  const cells = (g - 1) * (g - 1);
  const out = new Float64Array(wasm.memory.buffer, matricesAt, 4 * cells);
  return [0, 1, 2, 3].map((d) => out.slice(d * cells, (d + 1) * cells));
}

/** log2 as the WebAssembly feature passes take it (exported for its accuracy test). */
export function log2Wasm(x: number): number | null {
  const wasm = glcmWasm();
  return wasm ? wasm.log2(x) : null;
}

/**
 * The passes over cells of glcmFeatures for a symmetric ng x ng count matrix scaled to sum 1:
 * p_x, p_{x-y}, p_{x+y} (index i + j - 2) written to px, pDiff, pSum, and in sums (9 values)
 * joint maximum, ASM, autocorrelation, joint entropy, mean, HX, HXY1, HXY2 and the correlation
 * numerator. Returns false when WebAssembly is unavailable, so nothing was written.
 */
export function glcmCellsWasm(
  counts: Float64Array,
  ng: number,
  px: Float64Array,
  pDiff: Float64Array,
  pSum: Float64Array,
  sums: Float64Array,
): boolean {
  const wasm = glcmWasm();
  if (!wasm) return false;
  // The band's place: counts, then px, p_{x-y}, p_{x+y}, log2 px (6 ng zeroed), then sums.
  const cells = ng * ng;
  const marginalsAt = bandAt + 8 * cells;
  const sumsAt = marginalsAt + 8 * 6 * ng;
  reserveBytes(wasm.memory, sumsAt + 8 * 9);
  const f64 = new Float64Array(wasm.memory.buffer, bandAt, cells + 6 * ng + 9);
  f64.set(counts);
  f64.fill(0, cells, cells + 6 * ng);
  const pxAt = marginalsAt;
  wasm.glcmCells(bandAt, ng, pxAt, pxAt + 8 * ng, pxAt + 16 * ng, pxAt + 32 * ng, sumsAt);
  px.set(f64.subarray(cells, cells + ng));
  pDiff.set(f64.subarray(cells + ng, cells + 2 * ng));
  pSum.set(f64.subarray(cells + 2 * ng, cells + 4 * ng - 1));
  sums.set(f64.subarray(cells + 6 * ng, cells + 6 * ng + 9));
  return true;
}
