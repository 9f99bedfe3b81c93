// Canny's gradient and suppression in one WASM SIMD pass (absolute thresholds): gx and gy stay
// in a two-row ring, so only the magnitude and the state bytes are written whole. A workspace
// owns its instance and memory, so its planes are views that no other kernel moves or reuses.
import type { Image2d } from '../image2d';
import { blurInMemory, blurKernelFits, blurTmpFloats } from './blurSimd';
import type { RadixCounts } from '../select';
import { newEdgesWasm, type EdgesWasm } from './edgesWasm';

export interface CannySimdWorkspace {
  wasm: EdgesWasm;
  width: number;
  height: number;
  /** The image plane the kernel reads: an image written here is not copied again. */
  input: Float32Array;
  magnitude: Float32Array;
  /** 0 suppressed, 1 weak, 2 strong per pixel. */
  state: Uint8Array;
  /** 1 on an edge pixel, 0 elsewhere. */
  edges: Uint8Array;
  /** The strong pixels' indices come first; hysteresis then uses all of it as its stack. */
  stack: Int32Array;
}

/** Null without WASM SIMD or for images under 6x3 (the TypeScript kernels take those). */
export function cannySimdWorkspace(width: number, height: number): CannySimdWorkspace | null {
  if (width < 6 || height < 3) return null;
  const wasm = newEdgesWasm();
  if (!wasm) return null;
  const n = width * height;
  const layout = planes(n, width);
  // Room for every plane, the kernel's 4-row gx/gy ring and the radix tables, reserved once:
  // views never detach.
  const bytes = layout.radix + radixBytes;
  wasm.memory.grow(Math.max(0, Math.ceil((bytes - wasm.memory.buffer.byteLength) / 65536)));
  const { buffer } = wasm.memory;
  return {
    wasm,
    width,
    height,
    input: new Float32Array(buffer, layout.input, n),
    magnitude: new Float32Array(buffer, layout.magnitude, n),
    state: new Uint8Array(buffer, layout.state, n),
    edges: new Uint8Array(buffer, layout.edges, n),
    stack: new Int32Array(buffer, layout.stack, n),
  };
}

/** Byte offsets of the planes in a workspace's memory. */
type Plane = 'input' | 'magnitude' | 'state' | 'edges' | 'stack' | 'ring' | 'radix';

// The radix select's count tables: four of 32768 i32 for the top 16 bits, then two of 65536.
const radixBytes = 4 * (4 * 32768 + 2 * 65536);

function planes(n: number, w: number): Record<Plane, number> {
  const stack = 4 * Math.ceil((10 * n) / 4);
  const ring = stack + 4 * n;
  const radix = 16 * Math.ceil((ring + 16 * w) / 16);
  return { input: 0, magnitude: 4 * n, state: 8 * n, edges: 9 * n, stack, ring, radix };
}

/**
 * Fills ws.magnitude and ws.state, lists the strong pixels at the start of ws.stack and returns
 * how many. The image is copied into ws.input unless it is already there.
 */
export function cannyStatesSimd(
  ws: CannySimdWorkspace,
  image: Image2d,
  low: number,
  high: number,
): number {
  const { width: w, height: h } = ws;
  if (image.width !== w || image.height !== h) throw new Error('workspace is for another size');
  if (image.values !== ws.input) ws.input.set(image.values);
  const p = planes(w * h, w);
  return ws.wasm.canny(p.input, p.magnitude, p.state, p.stack, p.ring, w, h, low, high);
}

/** Hysteresis from the strong pixels cannyStatesSimd listed: fills ws.edges (ws.state changes). */
export function hysteresisSimd(ws: CannySimdWorkspace, strong: number): void {
  const p = planes(ws.width * ws.height, ws.width);
  ws.wasm.hysteresis(p.state, p.edges, p.stack, strong, ws.width, ws.height);
}

/**
 * Smooths the image in ws.input in place (blur.wat on the workspace's memory, the magnitude plane
 * and what follows it as scratch); false, having done nothing, where the kernel does not fit.
 */
export function blurInputSimd(ws: CannySimdWorkspace, kernel: Float32Array): boolean {
  const { width: w, height: h } = ws;
  const p = planes(w * h, w);
  // The scratch runs from the magnitude plane over the state, edges and stack planes (all
  // rewritten by the Canny kernel afterwards), never into the ring.
  const fits =
    blurKernelFits(w, h, kernel) && p.magnitude + 4 * blurTmpFloats(w, h, kernel) <= p.ring;
  return fits && blurInMemory(ws.wasm.memory, p.input, p.input, p.magnitude, w, h, kernel);
}

/** Radix-select counting (see select.ts) over ws.magnitude, by the WASM kernels. */
export function magnitudeCountsSimd(ws: CannySimdWorkspace): RadixCounts {
  const { wasm, width: w, height: h } = ws;
  const n = w * h;
  const p = planes(n, w);
  const low0 = p.radix + 4 * 4 * 32768;
  const low1 = low0 + 4 * 65536;
  const { buffer } = wasm.memory;
  return {
    top: () =>
      wasm.histTop(p.magnitude, n, p.radix) ? null : new Int32Array(buffer, p.radix, 32768),
    low: (b0, b1) => {
      wasm.histLow(p.magnitude, n, b0, b1, low0, low1);
      return [new Int32Array(buffer, low0, 65536), new Int32Array(buffer, low1, 65536)];
    },
  };
}
