// Separable Gaussian blur with any odd symmetric kernel in WASM SIMD (blur.wat), run in a memory
// the caller owns: the module imports its memory, so it blurs another module's planes in place
// (a Canny workspace's input, say) without copying them out. Same results as gaussianBlur() to
// float32 rounding: reflect-101 borders, border columns to the bit.
//
// Memory contract for blurInMemory(memory, src, dst, tmp, w, h, kernel), all byte offsets,
// multiples of 4:
//   src  w h floats, read only (unless dst is the same plane);
//   dst  w h floats, written; may equal src;
//   tmp  blurTmpFloats(w, h, kernel) = w h + r + 1 floats, overwritten: the rows pass's plane,
//        then the kernel's centre and one-sided taps (r + 1 floats at tmp + 4 w h). It must
//        overlap neither src nor dst.
// Nothing else in the memory is read or written; the memory is never grown, so views the owner
// holds stay valid. Each memory gets one instance of the module (made on first use, kept while
// the memory lives).
import { gaussianBlur } from '../gaussian';
import type { Image2d } from '../image2d';
import { instantiateSync, newWasmMemory, reserveBytes, type WasmMemory } from '../../wasmInstance';
import { blurWasmBytes } from './blurWasmBytes';

interface BlurWasm {
  blur(src: number, dst: number, tmp: number, taps: number, w: number, h: number, r: number): void;
}

const instances = new WeakMap<WasmMemory, BlurWasm | null>();

function blurWasm(memory: WasmMemory): BlurWasm | null {
  let wasm = instances.get(memory);
  if (wasm === undefined) {
    wasm = instantiateSync<BlurWasm>(blurWasmBytes, { env: { memory } });
    instances.set(memory, wasm);
  }
  return wasm;
}

/** Floats blurInMemory() needs at tmp: the rows pass's plane, then the kernel's r + 1 taps. */
export function blurTmpFloats(w: number, h: number, kernel: Float32Array): number {
  return w * h + ((kernel.length + 1) >> 1);
}

/**
 * Whether the WASM kernel takes this image and kernel: an odd symmetric kernel of radius r >= 1
 * and w, h > r (one mirroring reaches every border sample).
 */
export function blurKernelFits(w: number, h: number, kernel: Float32Array): boolean {
  const n = kernel.length;
  const r = (n - 1) >> 1;
  if (n % 2 !== 1 || r < 1 || w <= r || h <= r) return false;
  for (let t = 1; t <= r; t++) if (kernel[r - t] !== kernel[r + t]) return false;
  return true;
}

/**
 * Blurs the float32 plane at byte offset src into dst, using tmp for the rows pass; all three in
 * memory, laid out as the contract at the top of this file says (src and dst may be the same
 * offset; tmp holds blurTmpFloats() floats and overlaps neither). Reflect-101 borders as
 * gaussianBlur(). Returns false, having done nothing, where WASM SIMD is missing or the kernel
 * does not fit the image (blurKernelFits()); the caller then uses gaussianBlur(). Throws a
 * RangeError for offsets that are unaligned or reach past the memory's end.
 */
export function blurInMemory(
  memory: WasmMemory,
  src: number,
  dst: number,
  tmp: number,
  w: number,
  h: number,
  kernel: Float32Array,
): boolean {
  if (!blurKernelFits(w, h, kernel)) return false;
  const wasm = blurWasm(memory);
  if (!wasm) return false;
  const planeBytes = 4 * w * h;
  const r = (kernel.length - 1) >> 1;
  const taps = tmp + planeBytes;
  const size = memory.buffer.byteLength;
  if ((src | dst | tmp) & 3 || src < 0 || dst < 0 || tmp < 0) {
    throw new RangeError(`blur planes must be at non-negative multiples of 4 bytes`);
  }
  if (src + planeBytes > size || dst + planeBytes > size || taps + 4 * (r + 1) > size) {
    throw new RangeError(`blur planes of ${w}x${h} reach past the memory's ${size} bytes`);
  }
  new Float32Array(memory.buffer, taps, r + 1).set(kernel.subarray(r));
  wasm.blur(src, dst, tmp, taps, w, h, r);
  return true;
}

let privateMemory: WasmMemory | null | undefined;

/**
 * gaussianBlur(image, kernel, out) through the WASM kernel: the image is copied into a private
 * memory (grown to the largest image seen), blurred there in place and copied into out. Falls
 * back to gaussianBlur() where blurInMemory() would return false.
 */
export function gaussianBlurWasm(
  image: Image2d,
  kernel: Float32Array,
  out: Float32Array = new Float32Array(image.values.length),
): Image2d {
  const { values, width: w, height: h } = image;
  if (privateMemory === undefined) privateMemory = newWasmMemory();
  const memory = privateMemory;
  if (!memory || !blurKernelFits(w, h, kernel) || !blurWasm(memory)) {
    return gaussianBlur(image, kernel, out);
  }
  const n = w * h;
  reserveBytes(memory, 4 * (n + blurTmpFloats(w, h, kernel)));
  new Float32Array(memory.buffer, 0, n).set(values);
  blurInMemory(memory, 0, 0, 4 * n, w, h, kernel);
  out.set(new Float32Array(memory.buffer, 0, n));
  return { values: out, width: w, height: h };
}
