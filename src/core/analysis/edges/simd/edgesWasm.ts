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
  /** Radix-select counts (select.ts) of n non-negative float32 at src: top 16 bits into 32768 i32
   * at top (1 returned if a value is negative or NaN); low 16 bits of those in buckets b0, b1
   * into 65536 i32 at low0, low1. */
  histTop(src: number, n: number, top: number): number;
  histLow(src: number, n: number, b0: number, b1: number, low0: number, low1: number): void;
  /** Weak pixels connected to strong ones become strong (state in place), from the top strong
   * indices listed at stack (room for w h); edges gets 1 per strong pixel, 0 elsewhere. */
  hysteresis(state: number, edges: number, stack: number, top: number, w: number, h: number): void;
}

let instance: EdgesWasm | null | undefined;

/** The instance the one-off kernels share (its memory grows to the largest image seen). */
export function edgesWasm(): EdgesWasm | null {
  if (instance === undefined) instance = newEdgesWasm();
  return instance;
}

/** An instance with a memory of its own, for a workspace whose views must stay put. */
export function newEdgesWasm(): EdgesWasm | null {
  return instantiateSync<EdgesWasm>(edgesWasmBytes);
}

/** A float32 view of the module memory with room for `floats` values (grows the memory). */
export function wasmFloats(wasm: EdgesWasm, floats: number): Float32Array {
  reserveBytes(wasm.memory, floats * 4);
  return new Float32Array(wasm.memory.buffer, 0, floats);
}
