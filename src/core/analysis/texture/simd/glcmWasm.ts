// The WebAssembly GLCM counting kernel (glcm.wat), instantiated once on first use; null where
// WebAssembly is missing, and callers then count in TypeScript.
import { instantiateSync, reserveBytes, type WasmMemory } from '../../wasmInstance';
import { glcmWasmBytes } from './glcmWasmBytes';

interface GlcmExports {
  memory: WasmMemory;
  glcm4(
    levels: number,
    tables: number,
    nx: number,
    g: number,
    x0: number,
    x1: number,
    y0: number,
    y1: number,
    o0: number,
    o1: number,
    o2: number,
    o3: number,
  ): void;
}

let instance: GlcmExports | null | undefined;

function glcmWasm(): GlcmExports | null {
  if (instance === undefined) instance = instantiateSync<GlcmExports>(glcmWasmBytes);
  return instance;
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
  // Levels (16-bit) first, then the tables (32-bit) from the next 4-byte boundary.
  const tablesAt = 4 * Math.ceil(plane / 2);
  reserveBytes(wasm.memory, tablesAt + 4 * 8 * tableInts);
  new Uint16Array(wasm.memory.buffer, 0, plane).set(sliceLevels);
  const mem = new Int32Array(wasm.memory.buffer, tablesAt, 8 * tableInts);
  mem.fill(0);
  const [o0, o1, o2, o3] = offsets;
  wasm.glcm4(0, tablesAt, nx, g, box[0], box[1], box[2], box[3], o0, o1, o2, o3);
  for (let k = 0; k < 4; k++) {
    const t = tables[k];
    const even = k * tableInts;
    const odd = (4 + k) * tableInts;
    for (let j = 0; j < tableInts; j++) t[j] += mem[even + j] + mem[odd + j];
  }
  return true;
}
