// The WebAssembly Moran's I / Geary's C pair sums (autocorrelation.wat), instantiated once on
// first use; null where WebAssembly (or SIMD) is missing, and the caller sums in TypeScript.
import { instantiateSync, reserveBytes, type WasmMemory } from '../../wasmInstance';
import type { VoxelRuns } from '../autocorrelation';
import { autocorrelationWasmBytes } from './autocorrelationWasmBytes';

interface AutocorrelationExports {
  memory: WasmMemory;
  pairSums(
    runs: number,
    count: number,
    vals: number,
    dev: number,
    msk: number,
    wt: number,
    sx: number,
    sy: number,
    sz: number,
    out: number,
  ): void;
  pairSumsDirect(n: number, xs: number, vals: number, dev: number, out: number): void;
}

let instance: AutocorrelationExports | null | undefined;

function autocorrelationWasm(): AutocorrelationExports | null {
  if (instance === undefined)
    instance = instantiateSync<AutocorrelationExports>(autocorrelationWasmBytes);
  return instance;
}

/** pairSumsJs (../autocorrelation.ts) in WebAssembly, or null without it. */
export function autocorrelationPairSumsWasm(
  values: Float64Array,
  dev: Float64Array,
  m: Float64Array,
  vr: VoxelRuns,
  spacingMm: readonly [number, number, number],
): [wSum: number, moran: number, geary: number] | null {
  const wasm = autocorrelationWasm();
  if (!wasm) return null;
  const n = values.length;
  // Layout: the three sums, runs (16 bytes each), values, deviations, masks (per slot), the
  // weight table.
  const runsAt = 32;
  const valsAt = runsAt + 16 * vr.count;
  const devAt = valsAt + 8 * n;
  const mAt = devAt + 8 * n;
  const wtAt = mAt + 8 * n;
  reserveBytes(wasm.memory, wtAt + 8 * (2 * vr.maxLen + 2));
  const buffer = wasm.memory.buffer;
  new Int32Array(buffer, runsAt, vr.runs.length).set(vr.runs);
  new Float64Array(buffer, valsAt, n).set(values);
  new Float64Array(buffer, devAt, n).set(dev);
  new Float64Array(buffer, mAt, n).set(m);
  const [sx, sy, sz] = spacingMm;
  wasm.pairSums(runsAt, vr.count, valsAt, devAt, mAt, wtAt, sx, sy, sz, 0);
  const out = new Float64Array(wasm.memory.buffer, 0, 3);
  return [out[0], out[1], out[2]];
}

/** pairSumsDirectJs (../autocorrelation.ts) in WebAssembly, or null without it. */
export function autocorrelationDirectWasm(
  values: Float64Array,
  dev: Float64Array,
  centresMm: Float64Array,
): [wSum: number, moran: number, geary: number] | null {
  const wasm = autocorrelationWasm();
  if (!wasm) return null;
  const n = values.length;
  // Layout: the three sums, x, y and z of the centres, values, deviations.
  const xsAt = 32;
  const valsAt = xsAt + 24 * n;
  const devAt = valsAt + 8 * n;
  reserveBytes(wasm.memory, devAt + 8 * n);
  const buffer = wasm.memory.buffer;
  const xs = new Float64Array(buffer, xsAt, 3 * n);
  for (let i = 0; i < n; i++) {
    xs[i] = centresMm[3 * i];
    xs[n + i] = centresMm[3 * i + 1];
    xs[2 * n + i] = centresMm[3 * i + 2];
  }
  new Float64Array(buffer, valsAt, n).set(values);
  new Float64Array(buffer, devAt, n).set(dev);
  wasm.pairSumsDirect(n, xsAt, valsAt, devAt, 0);
  const out = new Float64Array(wasm.memory.buffer, 0, 3);
  return [out[0], out[1], out[2]];
}
