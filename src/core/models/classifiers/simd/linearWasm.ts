// The classifiers' matrix products in WebAssembly SIMD (linear.wat): a copy of the design
// matrix in the module's memory and a few float64 vectors beside it. One workspace per fit; it
// is dropped with the fit, so nothing is held between trainings. Null where WebAssembly SIMD is
// missing: the callers then run their TypeScript loops, which the tests compare with these.
import { instantiateSync, newWasmMemory, reserveBytes } from '../../../analysis/wasmInstance.ts';
import type { Matrix } from '../matrix.ts';
import { linearWasmBytes } from './linearWasmBytes.ts';

interface LinearExports {
  scores(x: number, rows: number, cols: number, w: number, b: number, out: number): void;
  accumulate(x: number, rows: number, cols: number, c: number, g: number): void;
}

export interface LinearWorkspace {
  /** The whole memory as float64; vector k starts at `vector[k]` (an element index). */
  readonly f64: Float64Array;
  readonly vector: readonly number[];
  /** out[i] = b + x_i·w for rows [from, from + count); w and out are vector numbers. */
  scores(from: number, count: number, w: number, b: number, out: number): void;
  /** g += Σ c_i x_i over rows [from, from + count); c and g are vector numbers. */
  accumulate(from: number, count: number, c: number, g: number): void;
}

/** X copied into a new module's memory, with vectors of the given lengths after it. */
export function linearWorkspace(x: Matrix, lengths: readonly number[]): LinearWorkspace | null {
  const memory = newWasmMemory();
  if (!memory) return null;
  const kernels = instantiateSync<LinearExports>(linearWasmBytes, { env: { memory } });
  if (!kernels) return null;
  const { rows, cols } = x;
  const vector: number[] = [];
  let at = rows * cols + ((rows * cols) % 2); // each vector 16-byte aligned
  for (const n of lengths) {
    vector.push(at);
    at += n + (n % 2);
  }
  reserveBytes(memory, at * 8);
  const f64 = new Float64Array(memory.buffer);
  f64.set(x.data, 0);
  const rowBytes = cols * 8;
  return {
    f64,
    vector,
    scores: (from, count, w, b, out) =>
      kernels.scores(from * rowBytes, count, cols, vector[w] * 8, b, (vector[out] + from) * 8),
    accumulate: (from, count, c, g) =>
      kernels.accumulate(from * rowBytes, count, cols, (vector[c] + from) * 8, vector[g] * 8),
  };
}
