// SMO's two scans per step (smo.wat) over state held in one module's memory: a copy of the
// kernel matrix and the per-case arrays, which the solver uses as its own arrays. Null where
// WebAssembly is missing or the kernel is too large to copy; the solver's TypeScript scans then
// run, and the tests check that both give the same solution.
import { instantiateSync, newWasmMemory, reserveBytes } from '../../../analysis/wasmInstance.ts';
import { smoWasmBytes } from './smoWasmBytes.ts';

interface SmoExports {
  selectJ(
    rowI: number,
    active: number,
    na: number,
    low: number,
    F: number,
    QD: number,
    qdI: number,
    gmax: number,
    out: number,
  ): number;
  update(
    rowI: number,
    rowJ: number,
    active: number,
    na: number,
    up: number,
    F: number,
    dI: number,
    dJ: number,
  ): number;
}

/** The copy doubles the kernel's memory: above this (n ≈ 8,000) the scans stay in TypeScript. */
const MAX_KERNEL_BYTES = 256 * 2 ** 20;

export interface SmoWorkspace {
  readonly F: Float64Array;
  readonly QD: Float64Array;
  readonly active: Int32Array;
  readonly up: Uint8Array;
  readonly low: Uint8Array;
  /** j for the working pair with i (−1: none), and min F over the active I_low cases. */
  selectJ(i: number, qdI: number, gmax: number, na: number): { j: number; lowMin: number };
  /** The gradient update for the pair's change; returns the next i. */
  update(i: number, j: number, na: number, dI: number, dJ: number): number;
}

export function smoWorkspace(kernel: Float32Array, n: number): SmoWorkspace | null {
  if (n * n * 4 > MAX_KERNEL_BYTES) return null;
  const memory = newWasmMemory();
  if (!memory) return null;
  const wasm = instantiateSync<SmoExports>(smoWasmBytes, { env: { memory } });
  if (!wasm) return null;
  const align = (b: number) => Math.ceil(b / 16) * 16;
  const kAt = 0;
  const fAt = align(n * n * 4);
  const qdAt = fAt + align(n * 8);
  const activeAt = qdAt + align(n * 8);
  const upAt = activeAt + align(n * 4);
  const lowAt = upAt + align(n);
  const outAt = lowAt + align(n);
  reserveBytes(memory, outAt + 16);
  const buffer = memory.buffer;
  new Float32Array(buffer, kAt, n * n).set(kernel);
  const out = new Float64Array(buffer, outAt, 1);
  const rowBytes = n * 4;
  return {
    F: new Float64Array(buffer, fAt, n),
    QD: new Float64Array(buffer, qdAt, n),
    active: new Int32Array(buffer, activeAt, n),
    up: new Uint8Array(buffer, upAt, n),
    low: new Uint8Array(buffer, lowAt, n),
    selectJ: (i, qdI, gmax, na) => {
      const j = wasm.selectJ(
        kAt + Math.max(i, 0) * rowBytes,
        activeAt,
        na,
        lowAt,
        fAt,
        qdAt,
        qdI,
        gmax,
        outAt,
      );
      return { j, lowMin: out[0] };
    },
    update: (i, j, na, dI, dJ) =>
      wasm.update(kAt + i * rowBytes, kAt + j * rowBytes, activeAt, na, upAt, fAt, dI, dJ),
  };
}
