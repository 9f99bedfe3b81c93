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
  const acc = new Float64Array(n);
  for (let line = 0; line < lines; line++) {
    const base = line * n;
    for (let q = 0; q < map.length; q++) {
      const j = map[q];
      buf[q] = j < 0 ? 0 : src[base + j];
    }
    // Tap-major, four taps per pass over the line (as along y and z).
    acc.fill(0);
    let u = 0;
    for (; u + 4 <= m; u += 4) {
      const [s0, s1, s2, s3] = [shift[u], shift[u + 1], shift[u + 2], shift[u + 3]];
      const [w0, w1, w2, w3] = [w[u], w[u + 1], w[u + 2], w[u + 3]];
      for (let i = 0; i < n; i++)
        acc[i] += w0 * buf[i + s0] + w1 * buf[i + s1] + w2 * buf[i + s2] + w3 * buf[i + s3];
    }
    for (; u < m; u++) {
      const sh = shift[u];
      const wt = w[u];
      for (let i = 0; i < n; i++) acc[i] += wt * buf[i + sh];
    }
    for (let i = 0; i < n; i++) dst[base + i] = acc[i];
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
  const offs = new Int32Array(m);
  const ws = new Float64Array(m);
  for (let o = 0; o < outer; o++) {
    const base = o * n * block;
    for (let e0 = 0; e0 < block; e0 += chunk) {
      const len = Math.min(chunk, block - e0);
      for (let i = 0; i < n; i++) {
        // The taps that read inside the image, then four at a time: one pass over the
        // accumulator per four source rows instead of one per row.
        let c = 0;
        for (let u = 0; u < m; u++) {
          const j = rows[i * m + u];
          if (j < 0) continue;
          offs[c] = base + j * block + e0;
          ws[c++] = w[u];
        }
        acc.fill(0, 0, len);
        let u = 0;
        for (; u + 4 <= c; u += 4) {
          const [o0, o1, o2, o3] = [offs[u], offs[u + 1], offs[u + 2], offs[u + 3]];
          const [w0, w1, w2, w3] = [ws[u], ws[u + 1], ws[u + 2], ws[u + 3]];
          for (let e = 0; e < len; e++)
            acc[e] += w0 * src[o0 + e] + w1 * src[o1 + e] + w2 * src[o2 + e] + w3 * src[o3 + e];
        }
        for (; u < c; u++) {
          const off = offs[u];
          const wt = ws[u];
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
