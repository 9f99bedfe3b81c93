// Sobel gradient with the WASM SIMD interior and TypeScript borders; same results as sobel().
import { reflect101, type Image2d } from '../image2d';
import { sobel, type Gradient } from '../sobel';
import { edgesWasm, wasmFloats } from './edgesWasm';

/** gx and gy of one pixel with mirrored borders. */
function sobelAt(
  img: Image2d,
  x: number,
  y: number,
  out: Float32Array,
  i: number,
  n: number,
): void {
  const { values: s, width: w, height: h } = img;
  const xl = reflect101(x - 1, w);
  const xr = reflect101(x + 1, w);
  const t = reflect101(y - 1, h) * w;
  const m = y * w;
  const b = reflect101(y + 1, h) * w;
  const gx = s[t + xr] + 2 * s[m + xr] + s[b + xr] - s[t + xl] - 2 * s[m + xl] - s[b + xl];
  const gy = s[b + xl] + 2 * s[b + x] + s[b + xr] - s[t + xl] - 2 * s[t + x] - s[t + xr];
  out[i] = gx;
  out[n + i] = gy;
  out[2 * n + i] = Math.sqrt(gx * gx + gy * gy);
}

/**
 * The gradient as views into the WASM memory: no copies, valid only until the next call into the
 * edge kernels. Null without WASM SIMD or for images too small for the SIMD pass.
 */
function sobelSimdViews(image: Image2d): Gradient | null {
  const { width: w, height: h } = image;
  const wasm = edgesWasm();
  if (!wasm || w < 6 || h < 3) return null;
  const n = w * h;
  const mem = wasmFloats(wasm, 4 * n);
  mem.set(image.values, 0);
  wasm.sobel(0, 4 * n, 8 * n, 12 * n, w, h);
  // Pixels the SIMD pass leaves: first and last rows, first column, and the right-hand tail.
  const xEnd = 1 + 4 * Math.floor((w - 2) / 4);
  const out = mem.subarray(n);
  for (let x = 0; x < w; x++) {
    sobelAt(image, x, 0, out, x, n);
    sobelAt(image, x, h - 1, out, (h - 1) * w + x, n);
  }
  for (let y = 1; y < h - 1; y++) {
    sobelAt(image, 0, y, out, y * w, n);
    for (let x = xEnd; x < w; x++) sobelAt(image, x, y, out, y * w + x, n);
  }
  return {
    gx: mem.subarray(n, 2 * n),
    gy: mem.subarray(2 * n, 3 * n),
    magnitude: mem.subarray(3 * n, 4 * n),
    width: w,
    height: h,
  };
}

/** Like sobel() (gx/gy null: magnitude only); falls back to sobel() without WASM SIMD. */
export function sobelSimd(
  image: Image2d,
  magnitude: Float32Array = new Float32Array(image.values.length),
  gx: Float32Array | null = new Float32Array(image.values.length),
  gy: Float32Array | null = new Float32Array(image.values.length),
): Gradient {
  const views = sobelSimdViews(image);
  if (!views) return sobel(image, magnitude, gx, gy);
  gx?.set(views.gx);
  gy?.set(views.gy);
  magnitude.set(views.magnitude);
  return {
    gx: gx ?? new Float32Array(0),
    gy: gy ?? new Float32Array(0),
    magnitude,
    width: image.width,
    height: image.height,
  };
}
