// One separable pass: the volume resampled along one axis, the other two left as they are.
// Linear and cubic interpolation on an axis-aligned grid are products of 1D weights, so three
// passes give the trilinear / tricubic result at a fraction of the taps per voxel.
import type { Dims } from '../volume';
import { splineFilterLine, splineFilterRows } from './splineFilter';
import { splinePad, type Taps } from './taps';

/** A module-local copy: an imported binding may compile to a getter call in hot loops. */
const pad = splinePad;

/** Lines of a strided axis filtered together: wide enough for contiguous inner loops, small
 * enough that the padded block stays in cache. */
const blockColumns = 1024;

export type Axis = 0 | 1 | 2;

/** The dims after resampling `dims` along `axis` with `taps`. */
export function dimsAlong(dims: Dims, axis: Axis, taps: Taps): Dims {
  const [nx, ny, nz] = dims;
  const m = taps.index.length / taps.width;
  return axis === 0 ? [m, ny, nz] : axis === 1 ? [nx, m, nz] : [nx, ny, m];
}

/** `src` resampled along `axis` with `taps` (cubic: taps index the spline-padded line), into
 * `into` when given (at least the result's size: reusing it spares fresh pages). */
export function resampleAlong(
  src: Float32Array,
  dims: Dims,
  axis: Axis,
  taps: Taps,
  cubic: boolean,
  into?: Float32Array,
): { values: Float32Array; dims: Dims } {
  const [nx, ny, nz] = dims;
  const outDims = dimsAlong(dims, axis, taps);
  const size = outDims[0] * outDims[1] * outDims[2];
  const out = into ? into.subarray(0, size) : new Float32Array(size);
  if (axis === 0) alongRows(src, out, nx, ny * nz, taps, cubic);
  else if (axis === 1) alongColumns(src, out, nz, ny, nx, taps, cubic);
  else alongColumns(src, out, 1, nz, nx * ny, taps, cubic);
  return { values: out, dims: outDims };
}

/** Axis x: each row of n contiguous samples becomes a row of m. */
function alongRows(
  src: Float32Array,
  out: Float32Array,
  n: number,
  rows: number,
  taps: Taps,
  cubic: boolean,
): void {
  const { index, weight, width } = taps;
  const m = index.length / width;
  if (!cubic) {
    for (let r = 0; r < rows; r++) {
      const s = r * n;
      const o = r * m;
      if (width === 1) {
        for (let k = 0; k < m; k++) out[o + k] = src[s + index[k]];
      } else {
        for (let k = 0, t = 0; k < m; k++, t += 2)
          out[o + k] = weight[t] * src[s + index[t]] + weight[t + 1] * src[s + index[t + 1]];
      }
    }
    return;
  }
  const padded = n + 2 * pad;
  const line = new Float64Array(padded);
  for (let r = 0; r < rows; r++) {
    const s = r * n;
    const first = src[s];
    const lastValue = src[s + n - 1];
    for (let i = 0; i < pad; i++) {
      line[i] = first;
      line[pad + n + i] = lastValue;
    }
    for (let i = 0; i < n; i++) line[pad + i] = src[s + i];
    splineFilterLine(line, padded);
    const o = r * m;
    for (let k = 0, t = 0; k < m; k++, t += 4) {
      out[o + k] =
        weight[t] * line[index[t]] +
        weight[t + 1] * line[index[t + 1]] +
        weight[t + 2] * line[index[t + 2]] +
        weight[t + 3] * line[index[t + 3]];
    }
  }
}

/**
 * A strided axis: `blocks` independent blocks, each n rows of `w` contiguous samples (axis y:
 * a block per slice, rows of x; axis z: one block, rows of whole slices) become m rows.
 */
function alongColumns(
  src: Float32Array,
  out: Float32Array,
  blocks: number,
  n: number,
  w: number,
  taps: Taps,
  cubic: boolean,
): void {
  const { index, weight, width } = taps;
  const m = index.length / width;
  if (!cubic) {
    for (let b = 0; b < blocks; b++) {
      const s = b * n * w;
      const o0 = b * m * w;
      for (let k = 0; k < m; k++) {
        const o = o0 + k * w;
        if (width === 1) {
          out.set(src.subarray(s + index[k] * w, s + index[k] * w + w), o);
          continue;
        }
        const a = s + index[2 * k] * w;
        const c = s + index[2 * k + 1] * w;
        const wa = weight[2 * k];
        const wc = weight[2 * k + 1];
        if (wc === 0) out.set(src.subarray(a, a + w), o);
        else for (let j = 0; j < w; j++) out[o + j] = wa * src[a + j] + wc * src[c + j];
      }
    }
    return;
  }
  const padded = n + 2 * pad;
  const cols = Math.min(w, blockColumns);
  const block = new Float64Array(padded * cols);
  for (let b = 0; b < blocks; b++) {
    const s = b * n * w;
    const o0 = b * m * w;
    for (let j0 = 0; j0 < w; j0 += cols) {
      const cw = Math.min(cols, w - j0);
      // Padded rows: the edge rows repeated `pad` times on each side.
      for (let r = 0; r < padded; r++) {
        const i = r < pad ? 0 : r >= pad + n ? n - 1 : r - pad;
        const from = s + i * w + j0;
        const to = r * cw;
        for (let j = 0; j < cw; j++) block[to + j] = src[from + j];
      }
      splineFilterRows(block, padded, cw);
      for (let k = 0, t = 0; k < m; k++, t += 4) {
        const o = o0 + k * w + j0;
        const r0 = index[t] * cw;
        const r1 = index[t + 1] * cw;
        const r2 = index[t + 2] * cw;
        const r3 = index[t + 3] * cw;
        const w0 = weight[t];
        const w1 = weight[t + 1];
        const w2 = weight[t + 2];
        const w3 = weight[t + 3];
        for (let j = 0; j < cw; j++)
          out[o + j] =
            w0 * block[r0 + j] + w1 * block[r1 + j] + w2 * block[r2 + j] + w3 * block[r3 + j];
      }
    }
  }
}
