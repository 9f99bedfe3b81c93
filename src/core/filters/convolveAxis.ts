// The fast path of every separable filter: one 1D convolution along one axis of a volume.
// Along x a line is copied once into a padded buffer (the boundary resolved there) and the taps
// run over it; along y and z whole rows or planes are accumulated at once, so memory is read in
// order. Zero taps (dilated wavelet kernels are mostly zeros) are skipped.
import type { Dims } from '../analysis/volume.ts';
import { sourceIndex } from './boundary.ts';
import type { Kernel1d } from './kernel.ts';
import type { Boundary } from './types.ts';

function nonZeroTaps(k: Kernel1d): { at: Int32Array; w: Float64Array } {
  const at: number[] = [];
  const w: number[] = [];
  k.taps.forEach((v, t) => {
    if (v !== 0) {
      at.push(t);
      w.push(v);
    }
  });
  return { at: Int32Array.from(at), w: Float64Array.from(w) };
}

function alongX(src: Float32Array, dst: Float32Array, dims: Dims, k: Kernel1d, b: Boundary): void {
  const n = dims[0];
  const lines = dims[1] * dims[2];
  const len = k.taps.length;
  const lo = k.origin - (len - 1);
  const buf = new Float64Array(n + len - 1);
  const map = new Int32Array(n + len - 1);
  for (let q = 0; q < map.length; q++) map[q] = sourceIndex(q + lo, n, b);
  // out[i] = Σ_t taps[t] · buf[i + len − 1 − t]
  const { at, w } = nonZeroTaps(k);
  const shift = Int32Array.from(at, (t) => len - 1 - t);
  const m = at.length;
  for (let line = 0; line < lines; line++) {
    const base = line * n;
    for (let q = 0; q < map.length; q++) {
      const j = map[q];
      buf[q] = j < 0 ? 0 : src[base + j];
    }
    for (let i = 0; i < n; i++) {
      let acc = 0;
      for (let u = 0; u < m; u++) acc += w[u] * buf[i + shift[u]];
      dst[base + i] = acc;
    }
  }
}

/** Elements of a row or plane handled at once: the accumulator and the ~L source rows it
 * reads stay in cache (a whole 512 × 512 plane per tap would stream from memory). */
const chunk = 2048;

function alongBlocks(
  src: Float32Array,
  dst: Float32Array,
  dims: Dims,
  axis: 1 | 2,
  k: Kernel1d,
  b: Boundary,
): void {
  const n = dims[axis];
  const block = axis === 1 ? dims[0] : dims[0] * dims[1];
  const outer = axis === 1 ? dims[2] : 1;
  const { at, w } = nonZeroTaps(k);
  const m = at.length;
  // For each output position, the source rows of its taps (-1: a zero from the boundary).
  const rows = new Int32Array(n * m);
  for (let i = 0; i < n; i++)
    for (let u = 0; u < m; u++) rows[i * m + u] = sourceIndex(i + k.origin - at[u], n, b);
  const acc = new Float64Array(chunk);
  for (let o = 0; o < outer; o++) {
    const base = o * n * block;
    for (let e0 = 0; e0 < block; e0 += chunk) {
      const len = Math.min(chunk, block - e0);
      for (let i = 0; i < n; i++) {
        acc.fill(0, 0, len);
        for (let u = 0; u < m; u++) {
          const j = rows[i * m + u];
          if (j < 0) continue;
          const wt = w[u];
          const off = base + j * block + e0;
          for (let e = 0; e < len; e++) acc[e] += wt * src[off + e];
        }
        const out = base + i * block + e0;
        for (let e = 0; e < len; e++) dst[out + e] = acc[e];
      }
    }
  }
}

/** The volume convolved with k along one axis (0 = x, 1 = y, 2 = z), into dst when given. */
export function convolveAxis(
  src: Float32Array,
  dims: Dims,
  axis: 0 | 1 | 2,
  k: Kernel1d,
  boundary: Boundary,
  dst: Float32Array = new Float32Array(src.length),
): Float32Array {
  if (axis === 0) alongX(src, dst, dims, k, boundary);
  else alongBlocks(src, dst, dims, axis, k, boundary);
  return dst;
}
