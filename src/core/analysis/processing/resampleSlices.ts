// Resampling slice by slice, when the slice axis changes: each source slice is resampled in
// plane once, and each new slice is the weighted sum of the 1, 2 or 4 in-plane results its
// taps name. The volume is read once and written once, and the few in-plane slices in use live
// in reused buffers: no whole intermediate volume is streamed through memory or paged in.
import type { Dims } from '../volume';
import { dimsAlong, resampleAlong, type Axis } from './resampleAxis';
import { splineFilterRows } from './splineFilter';
import { splinePad, type Taps } from './taps';

/** A module-local copy: an imported binding may compile to a getter call in hot loops. */
const pad = splinePad;

const blockColumns = 1024;

export interface InPlanePass {
  axis: Axis;
  taps: Taps;
}

/** Cubic spline coefficients along z of the padded slices lo..hi (padded indices), as slices. */
function zCoefficients(src: Float32Array, dims: Dims, lo: number, hi: number): Float32Array {
  const [nx, ny, nz] = dims;
  const plane = nx * ny;
  const padded = nz + 2 * pad;
  const cols = Math.min(plane, blockColumns);
  const block = new Float64Array(padded * cols);
  const out = new Float32Array((hi - lo + 1) * plane);
  for (let j0 = 0; j0 < plane; j0 += cols) {
    const cw = Math.min(cols, plane - j0);
    for (let r = 0; r < padded; r++) {
      const z = r < pad ? 0 : r >= pad + nz ? nz - 1 : r - pad;
      const from = z * plane + j0;
      const to = r * cw;
      for (let j = 0; j < cw; j++) block[to + j] = src[from + j];
    }
    splineFilterRows(block, padded, cw);
    for (let r = lo; r <= hi; r++) {
      const from = r * cw;
      const to = (r - lo) * plane + j0;
      for (let j = 0; j < cw; j++) out[to + j] = block[from + j];
    }
  }
  return out;
}

/** `src` resampled along z by `zTaps` and in plane by `inPlane` (in that order of passes). */
export function resampleBySlice(
  src: Float32Array,
  dims: Dims,
  inPlane: readonly InPlanePass[],
  zTaps: Taps,
  cubic: boolean,
): { values: Float32Array; dims: Dims } {
  const [nx, ny] = dims;
  const plane = nx * ny;
  const { index, weight, width } = zTaps;
  const m = index.length / width;
  // Cubic: the taps name padded coefficient slices; compute just the range they read.
  let slices = src;
  let first = 0;
  if (cubic) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const i of index) {
      if (i < lo) lo = i;
      if (i > hi) hi = i;
    }
    slices = zCoefficients(src, dims, lo, hi);
    first = lo;
  }
  const passDims: Dims[] = [];
  let planeDims: Dims = [nx, ny, 1];
  for (const p of inPlane) {
    planeDims = dimsAlong(planeDims, p.axis, p.taps);
    passDims.push(planeDims);
  }
  const outPlane = planeDims[0] * planeDims[1];
  const out = new Float32Array(outPlane * m);
  // Between passes: one scratch buffer per pass but the last, which writes a held slice.
  const scratch = passDims.slice(0, -1).map((d) => new Float32Array(d[0] * d[1]));
  const held = new Map<number, Float32Array>();
  const free: Float32Array[] = [];
  const inPlaneOf = (i: number): Float32Array => {
    const known = held.get(i);
    if (known) return known;
    const at = (i - first) * plane;
    const target = free.pop() ?? new Float32Array(outPlane);
    let current = { values: slices.subarray(at, at + plane), dims: [nx, ny, 1] as Dims };
    inPlane.forEach((p, k) => {
      const into = k < scratch.length ? scratch[k] : target;
      current = resampleAlong(current.values, current.dims, p.axis, p.taps, cubic, into);
    });
    if (inPlane.length === 0) target.set(current.values);
    held.set(i, target);
    return target;
  };
  for (let k = 0; k < m; k++) {
    const t0 = k * width;
    // Taps only move forward: slices before this one's first tap are done with.
    for (const [i, s] of held)
      if (i < index[t0]) {
        held.delete(i);
        free.push(s);
      }
    const o = k * outPlane;
    if (width === 1) {
      out.set(inPlaneOf(index[t0]), o);
      continue;
    }
    const a = inPlaneOf(index[t0]);
    const b = inPlaneOf(index[t0 + 1]);
    const wa = weight[t0];
    const wb = weight[t0 + 1];
    if (width === 2) {
      for (let j = 0; j < outPlane; j++) out[o + j] = wa * a[j] + wb * b[j];
      continue;
    }
    const c = inPlaneOf(index[t0 + 2]);
    const d = inPlaneOf(index[t0 + 3]);
    const wc = weight[t0 + 2];
    const wd = weight[t0 + 3];
    for (let j = 0; j < outPlane; j++) out[o + j] = wa * a[j] + wb * b[j] + wc * c[j] + wd * d[j];
  }
  return { values: out, dims: [planeDims[0], planeDims[1], m] };
}
