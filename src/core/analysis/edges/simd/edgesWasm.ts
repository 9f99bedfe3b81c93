// The WASM SIMD edge kernels (edges.wat), instantiated once on first use. Returns null where
// WebAssembly or its SIMD extension is missing; callers then use the plain TypeScript kernels.
import { instantiateSync, reserveBytes, type WasmMemory } from '../../wasmInstance';
import { edgesWasmBytes } from './edgesWasmBytes';

export interface EdgesWasm {
  memory: WasmMemory;
  sobel(src: number, gx: number, gy: number, mag: number, w: number, h: number): void;
  /** Canny gradient and states in one pass (absolute thresholds, w >= 6, h >= 3): magnitude
   * plane at mag, state bytes at state, strong indices at strong (count returned); ring holds
   * 4 w floats of scratch. */
  canny(
    src: number,
    mag: number,
    state: number,
    strong: number,
    ring: number,
    w: number,
    h: number,
    low: number,
    high: number,
  ): number;
  /** 5-tap Gaussian of src into dst (w >= 8, h >= 5), with a ring of 5 w floats at ring. */
  gauss5(
    src: number,
    dst: number,
    ring: number,
    w: number,
    h: number,
    k0: number,
    k1: number,
    k2: number,
  ): void;
  /** State bytes for interior pixels, decided exactly as in float64; lists the strong pixels'
   * indices at `strong` and returns how many. lowSkip is unused (the module derives it). */
  nms(
    gx: number,
    gy: number,
    mag: number,
    state: number,
    w: number,
    h: number,
    lowSkip: number,
    low: number,
    high: number,
    strong: number,
  ): number;
}

let instance: EdgesWasm | null | undefined;

export function edgesWasm(): EdgesWasm | null {
  if (instance === undefined) instance = instantiateSync<EdgesWasm>(edgesWasmBytes);
  return instance;
}

/** The largest float32 not above x: a safe float32 stand-in for x in "skip if <= x" tests. */
export function float32AtOrBelow(x: number): number {
  const f = Math.fround(x);
  if (f <= x || !Number.isFinite(f)) return f;
  const bits = new Float32Array([f]);
  const asInt = new Int32Array(bits.buffer);
  // One ulp down: positive values decrease their bit pattern, negative ones increase it, and
  // below zero comes the smallest negative subnormal (bit pattern 0x80000001).
  asInt[0] = f > 0 ? asInt[0] - 1 : f < 0 ? asInt[0] + 1 : 0x80000001 | 0;
  return bits[0];
}

/** A float32 view of the module memory with room for `floats` values (grows the memory). */
export function wasmFloats(wasm: EdgesWasm, floats: number): Float32Array {
  reserveBytes(wasm.memory, floats * 4);
  return new Float32Array(wasm.memory.buffer, 0, floats);
}
