// Separable Gaussian smoothing with mirrored borders (reflect-101, as OpenCV does by default).
import { reflect101, type Image2d } from './image2d';

/** Normalised 1D kernel of radius r (default ceil(3 sigma)). */
export function gaussianKernel(
  sigma: number,
  radius = Math.max(1, Math.ceil(3 * sigma)),
): Float32Array {
  const k = new Float32Array(2 * radius + 1);
  let sum = 0;
  for (let i = -radius; i <= radius; i++) {
    const v = Math.exp((-i * i) / (2 * sigma * sigma));
    k[i + radius] = v;
    sum += v;
  }
  for (let i = 0; i < k.length; i++) k[i] /= sum;
  return k;
}

/** OpenCV's sigma for a given odd kernel size when sigma is left at 0 (5 -> 1.1). */
export function sigmaForKernelSize(size: number): number {
  return 0.3 * ((size - 1) * 0.5 - 1) + 0.8;
}

/** Convolves rows then columns; out and scratch may be passed in to avoid allocation. */
export function gaussianBlur(
  image: Image2d,
  kernel: Float32Array,
  out = new Float32Array(image.values.length),
  scratch = new Float32Array(image.values.length),
): Image2d {
  const { values: src, width: w, height: h } = image;
  const r = (kernel.length - 1) >> 1;
  const taps = kernel.length;
  // Horizontal pass: the interior has no border checks; edges use mirrored indices.
  for (let y = 0; y < h; y++) {
    const row = y * w;
    const inner0 = Math.min(r, w);
    const inner1 = Math.max(inner0, w - r);
    for (let x = 0; x < inner0; x++) scratch[row + x] = edgeSum(src, row, x, w, kernel, r, 1);
    for (let x = inner1; x < w; x++) scratch[row + x] = edgeSum(src, row, x, w, kernel, r, 1);
    for (let x = inner0; x < inner1; x++) {
      let s = 0;
      const base = row + x - r;
      for (let t = 0; t < taps; t++) s += kernel[t] * src[base + t];
      scratch[row + x] = s;
    }
  }
  // Vertical pass, row by row so memory is read in order.
  for (let y = 0; y < h; y++) {
    const row = y * w;
    if (y >= r && y < h - r) {
      for (let x = 0; x < w; x++) out[row + x] = 0;
      for (let t = 0; t < taps; t++) {
        const kt = kernel[t];
        const srcRow = (y - r + t) * w;
        for (let x = 0; x < w; x++) out[row + x] += kt * scratch[srcRow + x];
      }
    } else {
      for (let x = 0; x < w; x++) out[row + x] = edgeSum(scratch, x, y, h, kernel, r, w);
    }
  }
  return { values: out, width: w, height: h };
}

/** Kernel sum at position p of a line starting at base with stride, length n, mirrored. */
function edgeSum(
  src: Float32Array,
  base: number,
  p: number,
  n: number,
  kernel: Float32Array,
  r: number,
  stride: number,
): number {
  let s = 0;
  for (let t = -r; t <= r; t++) s += kernel[t + r] * src[base + reflect101(p + t, n) * stride];
  return s;
}
