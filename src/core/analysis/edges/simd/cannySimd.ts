// Canny's gradient and suppression in one WASM SIMD pass (absolute thresholds): gx and gy stay
// in a two-row ring, so only the magnitude and the state bytes are written whole.
import type { Image2d } from '../image2d';
import { edgesWasm, wasmFloats } from './edgesWasm';

export interface CannyStates {
  /** 0 suppressed, 1 weak, 2 strong per pixel; a view into WASM memory, valid until the next
   * call into the edge kernels. */
  state: Uint8Array;
  /** How many strong pixels were listed at the start of the stack passed in. */
  strong: number;
}

/**
 * Fills magnitude and lists the strong pixels' indices in stack; null without WASM SIMD or for
 * images under 6x3 (the caller then runs the TypeScript kernels).
 */
export function cannyStatesSimd(
  image: Image2d,
  low: number,
  high: number,
  magnitude: Float32Array,
  stack: Int32Array,
): CannyStates | null {
  const { values, width: w, height: h } = image;
  const wasm = w >= 6 && h >= 3 ? edgesWasm() : null;
  if (!wasm) return null;
  const n = w * h;
  const stateAt = 8 * n;
  const strongAt = 4 * Math.ceil((9 * n) / 4);
  const ringAt = strongAt + 4 * n;
  const mem = wasmFloats(wasm, ringAt / 4 + 4 * w);
  mem.set(values, 0);
  const strong = wasm.canny(0, 4 * n, stateAt, strongAt, ringAt, w, h, low, high);
  magnitude.set(mem.subarray(n, 2 * n));
  stack.set(new Int32Array(wasm.memory.buffer, strongAt, strong));
  return { state: new Uint8Array(wasm.memory.buffer, stateAt, n), strong };
}
