// The classifiers' matrix products in WebAssembly SIMD (linear.wat): a copy of the design
// matrix in the module's memory and a few float64 vectors beside it. A released linear
// workspace's module is kept for the next fit, as an allocator keeps freed memory: the first
// touch of a fresh 16 MB costs ~50 ms of page faults on a VM, a third of an L2 fit, and
// cross-validation refits the same size again and again. Null where WebAssembly SIMD is
// missing: the callers then run their TypeScript loops, which the tests compare with these.
import {
  instantiateSync,
  newWasmMemory,
  reserveBytes,
  type WasmMemory,
} from '../../../analysis/wasmInstance.ts';
import type { Matrix } from '../matrix.ts';
import type { Scaler } from '../standardize.ts';
import { linearWasmBytes } from './linearWasmBytes.ts';

interface LinearExports {
  scores(x: number, rows: number, cols: number, w: number, b: number, out: number): void;
  accumulate(x: number, rows: number, cols: number, c: number, g: number): void;
  dots4(a: number, b: number, m: number, cols: number, out: number): void;
}

export interface LinearWorkspace {
  /** The whole memory as float64; vector k starts at `vector[k]` (an element index). */
  readonly f64: Float64Array;
  readonly vector: readonly number[];
  /** out[i] = b + x_i·w for rows [from, from + count); w and out are vector numbers. */
  scores(from: number, count: number, w: number, b: number, out: number): void;
  /** g += Σ c_i x_i over rows [from, from + count); c and g are vector numbers. */
  accumulate(from: number, count: number, c: number, g: number): void;
  /** The fit is done with it: its memory serves the next workspace (no call after this). */
  release(): void;
}

type Linear = { memory: WasmMemory; kernels: LinearExports };

/** The module of the last released linear workspace, grown to its size, or null. */
let idle: Linear | null = null;

function instantiate(): Linear | null {
  const memory = newWasmMemory();
  if (!memory) return null;
  const kernels = instantiateSync<LinearExports>(linearWasmBytes, { env: { memory } });
  return kernels ? { memory, kernels } : null;
}

/**
 * X copied into a new module's memory, with vectors of the given lengths after it; with
 * `standardize`, each value is written as (x − mean) / scale on the way (applyScaler's
 * arithmetic), so a standardized copy is never made outside.
 */
export function linearWorkspace(
  x: Matrix,
  lengths: readonly number[],
  standardize?: Scaler,
): LinearWorkspace | null {
  const wasm = idle ?? instantiate();
  idle = null;
  if (!wasm) return null;
  const { memory, kernels } = wasm;
  const { rows, cols } = x;
  const vector: number[] = [];
  let at = rows * cols + ((rows * cols) % 2); // each vector 16-byte aligned
  for (const n of lengths) {
    vector.push(at);
    at += n + (n % 2);
  }
  reserveBytes(memory, at * 8);
  const f64 = new Float64Array(memory.buffer);
  if (standardize) {
    const { mean, scale } = standardize;
    const data = x.data;
    for (let i = 0; i < rows; i++) {
      const r = i * cols;
      for (let j = 0; j < cols; j++) f64[r + j] = (data[r + j] - mean[j]) / scale[j];
    }
  } else f64.set(x.data, 0);
  const rowBytes = cols * 8;
  return {
    f64,
    vector,
    scores: (from, count, w, b, out) =>
      kernels.scores(from * rowBytes, count, cols, vector[w] * 8, b, (vector[out] + from) * 8),
    accumulate: (from, count, c, g) =>
      kernels.accumulate(from * rowBytes, count, cols, (vector[c] + from) * 8, vector[g] * 8),
    release: () => {
      idle = wasm;
    },
  };
}

export interface DotsWorkspace {
  /**
   * The dot products of rows i0..i0+3 with rows j0..j0+m−1, as a view of 4 × m float64
   * (row r's products at r·m + c); valid until the next call.
   */
  dots4(i0: number, j0: number, m: number): Float64Array;
}

/** X's rows in a new module's memory (a zero column added to an odd count) for dot products. */
export function dotsWorkspace(x: Matrix): DotsWorkspace | null {
  const wasm = instantiate();
  if (!wasm) return null;
  const { memory, kernels } = wasm;
  const { rows, cols, data } = x;
  const padded = cols + (cols % 2);
  const outAt = rows * padded;
  reserveBytes(memory, (outAt + 4 * rows) * 8);
  const f64 = new Float64Array(memory.buffer);
  if (padded === cols) f64.set(data, 0);
  else for (let i = 0; i < rows; i++) f64.set(data.subarray(i * cols, (i + 1) * cols), i * padded);
  const rowBytes = padded * 8;
  return {
    dots4: (i0, j0, m) => {
      kernels.dots4(i0 * rowBytes, j0 * rowBytes, m, padded, outAt * 8);
      return f64.subarray(outAt, outAt + 4 * m);
    },
  };
}
