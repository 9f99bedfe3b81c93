// 5-tap Gaussian in one WASM SIMD pass (rows into a five-row ring, then columns); same results
// as gaussianBlur() with a radius-2 kernel, borders included.
import { gaussianBlur } from '../gaussian';
import type { Image2d } from '../image2d';
import { edgesWasm, wasmFloats } from './edgesWasm';

/** kernel must have 5 symmetric taps (radius 2); other kernels go to gaussianBlur(). */
export function gaussianBlurSimd(
  image: Image2d,
  kernel: Float32Array,
  out: Float32Array = new Float32Array(image.values.length),
): Image2d {
  const { values: src, width: w, height: h } = image;
  const wasm = edgesWasm();
  const symmetric5 = kernel.length === 5 && kernel[0] === kernel[4] && kernel[1] === kernel[3];
  if (!wasm || !symmetric5 || w < 8 || h < 5) return gaussianBlur(image, kernel, out);
  const n = w * h;
  const mem = wasmFloats(wasm, 2 * n + 5 * w);
  mem.set(src, 0);
  wasm.gauss5(0, 4 * n, 8 * n, w, h, kernel[2], kernel[1], kernel[0]);
  out.set(mem.subarray(n, 2 * n));
  return { values: out, width: w, height: h };
}
