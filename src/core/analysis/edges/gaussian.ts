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

/**
 * Convolves rows then columns with a symmetric kernel; out and scratch may be passed in to avoid
 * allocation. The interior folds mirrored taps (k[t] (a + b)), halving the multiplications.
 */
export function gaussianBlur(
  image: Image2d,
  kernel: Float32Array,
  out: Float32Array = new Float32Array(image.values.length),
  scratch: Float32Array = new Float32Array(image.values.length),
): Image2d {
  const { values: src, width: w, height: h } = image;
  const r = (kernel.length - 1) >> 1;
  const kc = kernel[r];
  const k1 = r >= 1 ? kernel[r + 1] : 0;
  const k2 = r >= 2 ? kernel[r + 2] : 0;
  const x0 = Math.min(r, w);
  const x1 = Math.max(x0, w - r);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < x0; x++) scratch[row + x] = edgeSum(src, row, x, w, kernel, r, 1);
    for (let x = x1; x < w; x++) scratch[row + x] = edgeSum(src, row, x, w, kernel, r, 1);
    if (r === 2) {
      for (let i = row + x0, end = row + x1; i < end; i++) {
        scratch[i] = kc * src[i] + k1 * (src[i - 1] + src[i + 1]) + k2 * (src[i - 2] + src[i + 2]);
      }
    } else {
      for (let i = row + x0, end = row + x1; i < end; i++) {
        let s = kc * src[i];
        for (let t = 1; t <= r; t++) s += kernel[r + t] * (src[i - t] + src[i + t]);
        scratch[i] = s;
      }
    }
  }
  const w2 = 2 * w;
  for (let y = 0; y < h; y++) {
    const row = y * w;
    if (y < r || y >= h - r) {
      for (let x = 0; x < w; x++) out[row + x] = edgeSum(scratch, x, y, h, kernel, r, w);
    } else if (r === 2) {
      for (let i = row, end = row + w; i < end; i++) {
        out[i] =
          kc * scratch[i] +
          k1 * (scratch[i - w] + scratch[i + w]) +
          k2 * (scratch[i - w2] + scratch[i + w2]);
      }
    } else {
      for (let i = row, end = row + w; i < end; i++) {
        let s = kc * scratch[i];
        for (let t = 1; t <= r; t++) s += kernel[r + t] * (scratch[i - t * w] + scratch[i + t * w]);
        out[i] = s;
      }
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
