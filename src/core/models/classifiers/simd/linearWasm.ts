// The classifiers' matrix products in WebAssembly SIMD (linear.wat): a copy of the design
// matrix in the module's memory (in panels of 4 cases for the L2 solver, whose passes then read
// one sequential stream) and a few float64 vectors beside it. A released linear
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
  scores(x: number, panels: number, cols: number, w: number, b: number, out: number): void;
  accumulate(x: number, panels: number, cols: number, c: number, g: number): void;
  dots4(a: number, b: number, m: number, cols: number, out: number): void;
}

/** Cases per panel of the L2 solver's layout (linear.wat). */
export const PANEL = 4;

/** `rows` rounded up to whole panels: the length of a workspace vector indexed by case. */
export function panelRows(rows: number): number {
  return Math.ceil(rows / PANEL) * PANEL;
}

export interface LinearWorkspace {
  /** The whole memory as float64; vector k starts at `vector[k]` (an element index). */
  readonly f64: Float64Array;
  readonly vector: readonly number[];
  /**
   * out[i] = b + x_i·w for cases [from, from + count), from a multiple of PANEL (the rest of
   * the last panel too: its cases past `rows` are zero); w and out are vector numbers.
   */
  scores(from: number, count: number, w: number, b: number, out: number): void;
  /** g += Σ c_i x_i over cases [from, from + count), as scores; c and g are vector numbers. */
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
 * X copied into a module's memory in panels of PANEL cases (linear.wat), with vectors of the
 * given lengths after it; with `standardize`, each value is written as (x − mean) / scale on the
 * way (applyScaler's arithmetic), so a standardized copy is never made outside.
 */
export function linearWorkspace(
  x: Matrix,
  lengths: readonly number[],
  standardize?: Scaler,
): LinearWorkspace | null {
  const wasm = idle ?? instantiate();
  idle = null;
  if (!wasm) return null;
  const { memory } = wasm;
  const { rows, cols } = x;
  const size = panelRows(rows) * cols;
  const vector: number[] = [];
  let at = size + (size % 2); // each vector 16-byte aligned
  for (const n of lengths) {
    vector.push(at);
    at += n + (n % 2);
  }
  reserveBytes(memory, at * 8);
  const f64 = new Float64Array(memory.buffer);
  toPanels(x, f64, standardize);
  return new PanelWorkspace(wasm, f64, vector, cols);
}

/** A class, not a closure per fit: its methods stay the same call targets from fit to fit. */
class PanelWorkspace implements LinearWorkspace {
  private readonly rowBytes: number;

  constructor(
    private readonly wasm: Linear,
    readonly f64: Float64Array,
    readonly vector: readonly number[],
    private readonly cols: number,
  ) {
    this.rowBytes = cols * 8;
  }

  scores(from: number, count: number, w: number, b: number, out: number): void {
    const { vector } = this;
    this.wasm.kernels.scores(
      from * this.rowBytes,
      Math.ceil(count / PANEL),
      this.cols,
      vector[w] * 8,
      b,
      (vector[out] + from) * 8,
    );
  }

  accumulate(from: number, count: number, c: number, g: number): void {
    const { vector } = this;
    this.wasm.kernels.accumulate(
      from * this.rowBytes,
      Math.ceil(count / PANEL),
      this.cols,
      (vector[c] + from) * 8,
      vector[g] * 8,
    );
  }

  release(): void {
    idle = this.wasm;
  }
}

/**
 * X's cases into their panels from element 0 of f64, as (x − mean) / scale where `s` is given
 * (x itself is (x − 0) / 1, exactly). Whole panels are written four cases per sweep, so the
 * writes run in memory order; the last panel is zeroed first, so its cases past X's are zeros:
 * a kept memory holds the previous fit's values there, and 0 · NaN would be NaN.
 */
function toPanels(x: Matrix, f64: Float64Array, s?: Scaler): void {
  const { rows, cols, data } = x;
  const mean = s?.mean ?? new Float64Array(cols);
  const scale = s?.scale ?? new Float64Array(cols).fill(1);
  const pairs = cols - (cols % 2);
  const whole = rows - (rows % PANEL);
  for (let i = 0; i < whole; i += PANEL) {
    const r0 = i * cols;
    const r1 = r0 + cols;
    const r2 = r1 + cols;
    const r3 = r2 + cols;
    let at = r0;
    for (let j = 0; j < pairs; j += 2, at += 2 * PANEL) {
      const m0 = mean[j];
      const m1 = mean[j + 1];
      const s0 = scale[j];
      const s1 = scale[j + 1];
      f64[at] = (data[r0 + j] - m0) / s0;
      f64[at + 1] = (data[r0 + j + 1] - m1) / s1;
      f64[at + 2] = (data[r1 + j] - m0) / s0;
      f64[at + 3] = (data[r1 + j + 1] - m1) / s1;
      f64[at + 4] = (data[r2 + j] - m0) / s0;
      f64[at + 5] = (data[r2 + j + 1] - m1) / s1;
      f64[at + 6] = (data[r3 + j] - m0) / s0;
      f64[at + 7] = (data[r3 + j + 1] - m1) / s1;
    }
    if (pairs < cols) {
      const m = mean[pairs];
      const sd = scale[pairs];
      f64[at] = (data[r0 + pairs] - m) / sd;
      f64[at + 1] = (data[r1 + pairs] - m) / sd;
      f64[at + 2] = (data[r2 + pairs] - m) / sd;
      f64[at + 3] = (data[r3 + pairs] - m) / sd;
    }
  }
  f64.fill(0, whole * cols, panelRows(rows) * cols);
  for (let i = whole; i < rows; i++) {
    const row = i * cols;
    const lane = i - whole;
    let at = whole * cols + 2 * lane;
    for (let j = 0; j < pairs; j += 2, at += 2 * PANEL) {
      f64[at] = (data[row + j] - mean[j]) / scale[j];
      f64[at + 1] = (data[row + j + 1] - mean[j + 1]) / scale[j + 1];
    }
    if (pairs < cols)
      f64[whole * cols + pairs * PANEL + lane] = (data[row + pairs] - mean[pairs]) / scale[pairs];
  }
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
