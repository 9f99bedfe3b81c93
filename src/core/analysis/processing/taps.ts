// Where each new grid point reads the old grid along one axis: source indices and weights,
// computed once per axis so the passes over the volume only multiply and add.
import type { Interpolation } from '../params';
import type { AxisGrid } from './grid';

/** Output point k reads index[k * width + t] with weight[k * width + t], t < width. */
export interface Taps {
  width: 1 | 2 | 4;
  index: Int32Array;
  weight: Float64Array;
}

/** Cubic B-spline coefficients are computed on lines padded by this many copies of the edge
 * voxel on each side, as scipy.ndimage does for mode 'nearest'; indices of cubic taps count
 * from the start of the padded line. */
export const splinePad = 12;

/** Positions carry floating-point noise (a spacing of 2.99999999999985 mm for 3 mm): a
 * fraction this close to 0, 1/2 or 1 is taken as exactly that, so weights of 1/2 stay 1/2. */
const snap = 1e-9;

/** Integer part and fraction of x, the fraction snapped to 0 or 1/2 when within `snap`. */
function split(x: number): [number, number] {
  let i = Math.floor(x);
  let f = x - i;
  if (f < snap) f = 0;
  else if (f > 1 - snap) {
    i += 1;
    f = 0;
  } else if (Math.abs(f - 0.5) < snap) f = 0.5;
  return [i, f];
}

function clamp(i: number, n: number): number {
  return i < 0 ? 0 : i >= n ? n - 1 : i;
}

/**
 * Taps for output points k0..k1-1 of `grid` over a source axis of n voxels. Outside the source,
 * the edge voxel's value continues (IBSI: pad with the boundary intensities; scipy mode
 * 'nearest'). Nearest rounds halves up, as scipy does.
 */
export function axisTaps(
  grid: AxisGrid,
  n: number,
  method: Interpolation,
  k0 = 0,
  k1 = grid.n,
): Taps {
  const m = k1 - k0;
  const width = method === 'nearest' ? 1 : method === 'linear' ? 2 : 4;
  const index = new Int32Array(m * width);
  const weight = new Float64Array(m * width);
  for (let k = 0; k < m; k++) {
    const [i, f] = split(grid.origin + (k + k0) * grid.step);
    const o = k * width;
    if (width === 1) {
      index[o] = clamp(f >= 0.5 ? i + 1 : i, n);
      weight[o] = 1;
    } else if (width === 2) {
      index[o] = clamp(i, n);
      index[o + 1] = clamp(i + 1, n);
      weight[o] = 1 - f;
      weight[o + 1] = f;
    } else {
      const padded = n + 2 * splinePad;
      const g = 1 - f;
      for (let t = 0; t < 4; t++) index[o + t] = clamp(i - 1 + t + splinePad, padded);
      weight[o] = (g * g * g) / 6;
      weight[o + 1] = (4 + f * f * (3 * f - 6)) / 6;
      weight[o + 2] = (4 + g * g * (3 * g - 6)) / 6;
      weight[o + 3] = (f * f * f) / 6;
    }
  }
  return { width, index, weight };
}
