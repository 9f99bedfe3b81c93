// The mean filter's fast path: a running sum along each axis (add the voxel entering the
// window, take away the one leaving it), so the cost per voxel does not grow with the support.
// The plain path (M taps of 1/M through convolveAxis) is tested against it.
import type { Dims } from '../analysis/volume.ts';
import { sourceIndex } from './boundary.ts';
import type { Boundary } from './types.ts';

const chunk = 2048;

export function boxAlongAxis(
  src: Float32Array,
  dims: Dims,
  axis: 0 | 1 | 2,
  support: number,
  boundary: Boundary,
  dst: Float32Array = new Float32Array(src.length),
): Float32Array {
  const n = dims[axis];
  const r = (support - 1) >> 1;
  const inv = 1 / support;
  // map[q] = source index of position q − r (q = 0 … n + 2r − 1), −1 for a zero.
  const map = Int32Array.from({ length: n + 2 * r }, (_, q) => sourceIndex(q - r, n, boundary));
  if (axis === 0) {
    const lines = dims[1] * dims[2];
    const buf = new Float64Array(n + 2 * r);
    for (let line = 0; line < lines; line++) {
      const base = line * n;
      for (let q = 0; q < buf.length; q++) buf[q] = map[q] < 0 ? 0 : src[base + map[q]];
      let sum = 0;
      for (let q = 0; q < support - 1; q++) sum += buf[q];
      for (let i = 0; i < n; i++) {
        sum += buf[i + support - 1];
        dst[base + i] = sum * inv;
        sum -= buf[i];
      }
    }
    return dst;
  }
  const block = axis === 1 ? dims[0] : dims[0] * dims[1];
  const outer = axis === 1 ? dims[2] : 1;
  const acc = new Float64Array(chunk);
  for (let o = 0; o < outer; o++) {
    const base = o * n * block;
    for (let e0 = 0; e0 < block; e0 += chunk) {
      const len = Math.min(chunk, block - e0);
      acc.fill(0, 0, len);
      for (let q = 0; q < support - 1; q++) {
        if (map[q] < 0) continue;
        const off = base + map[q] * block + e0;
        for (let e = 0; e < len; e++) acc[e] += src[off + e];
      }
      for (let i = 0; i < n; i++) {
        const jin = map[i + support - 1];
        const jout = map[i];
        const out = base + i * block + e0;
        const offIn = base + jin * block + e0;
        const offOut = base + jout * block + e0;
        if (jin >= 0) for (let e = 0; e < len; e++) acc[e] += src[offIn + e];
        for (let e = 0; e < len; e++) dst[out + e] = acc[e] * inv;
        if (jout >= 0) for (let e = 0; e < len; e++) acc[e] -= src[offOut + e];
      }
    }
  }
  return dst;
}
