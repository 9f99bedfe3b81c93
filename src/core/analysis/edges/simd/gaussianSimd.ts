// 5-tap Gaussian with the WASM SIMD interior and TypeScript borders; same results as
// gaussianBlur() with a radius-2 kernel.
import { gaussianBlur } from '../gaussian';
import { reflect101, type Image2d } from '../image2d';
import { edgesWasm, wasmFloats } from './edgesWasm';

/** kernel must have 5 taps (radius 2); other kernels go to gaussianBlur(). */
export function gaussianBlurSimd(
  image: Image2d,
  kernel: Float32Array,
  out: Float32Array = new Float32Array(image.values.length),
): Image2d {
  const { values: src, width: w, height: h } = image;
  const wasm = edgesWasm();
  if (!wasm || kernel.length !== 5 || w < 8 || h < 5) return gaussianBlur(image, kernel, out);
  const [k2, k1, k0] = kernel;
  const n = w * h;
  const mem = wasmFloats(wasm, 3 * n);
  mem.set(src, 0);
  wasm.gaussRows5(0, 4 * n, w, h, k0, k1, k2);
  // Row pass leftovers: columns 0, 1 and the tail from xEnd, in the scratch plane at n.
  const tmp = mem.subarray(n, 2 * n);
  const xEnd = 2 + 4 * Math.floor((w - 4) / 4);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x = x === 1 ? xEnd : x + 1) {
      let s = 0;
      for (let t = -2; t <= 2; t++) s += kernel[t + 2] * src[row + reflect101(x + t, w)];
      tmp[row + x] = s;
    }
  }
  wasm.gaussCols5(4 * n, 8 * n, w, h, k0, k1, k2);
  const dst = mem.subarray(2 * n, 3 * n);
  // Column pass leftovers: rows 0, 1, h-2, h-1 and, in between, the tail columns.
  const colEnd = 4 * Math.floor(w / 4);
  for (let y = 0; y < h; y++) {
    const border = y < 2 || y >= h - 2;
    for (let x = border ? 0 : colEnd; x < w; x++) {
      let s = 0;
      for (let t = -2; t <= 2; t++) s += kernel[t + 2] * tmp[reflect101(y + t, h) * w + x];
      dst[y * w + x] = s;
    }
  }
  out.set(dst);
  return { values: out, width: w, height: h };
}
