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
  glcm2d(levels: number, nx: number, g: number, ...rect: Rect): void;
}

/** glcm2d's table slots: 8 of them, 0x4400 bytes apart from address 0, for g <= 64. */
const slotBytes = 0x4400;
const slotMaxG = 64;
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
  if (g <= slotMaxG && x0 >= 1 && o0 === 1 && o1 === nx + 1 && o2 === nx && o3 === nx - 1) {
    // The usual directions at distance 1: tables in fixed slots, then a band of rows (and the
    // row below it), copied in and counted while it is still in cache.
    const bandRows = Math.max(1, Math.floor(bandBytes / (2 * nx)));
    const levelsAt = 8 * slotBytes;
    reserveBytes(wasm.memory, levelsAt + 2 * nx * (bandRows + 1));
    const slots = new Int32Array(wasm.memory.buffer, 0, (8 * slotBytes) / 4);
    for (let s = 0; s < 8; s++) slots.fill(0, (s * slotBytes) / 4, (s * slotBytes) / 4 + tableInts);
    const band = new Uint16Array(wasm.memory.buffer, levelsAt, nx * (bandRows + 1));
    for (let y = y0; y < y1; y += bandRows) {
      const rows = Math.min(bandRows, y1 - y);
      band.set(sliceLevels.subarray(y * nx, (y + rows + 1) * nx));
      wasm.glcm2d(levelsAt, nx, g, x0, x1, 0, rows);
    }
    addTables(slots, slotBytes / 4, tables, tableInts);
    return true;
  }
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
