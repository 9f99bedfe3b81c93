// Image values on a new grid: the source cut to what the wanted part of the grid reads, then
// one separable pass per axis that changes (shrinking axes first, so later passes move less),
// slice by slice when the slice axis changes.
import type { Interpolation } from '../params';
import type { Dims, VoxelValues } from '../volume';
import { isIdentity, type ResampleGrid } from './grid';
import { resampleAlong, type Axis } from './resampleAxis';
import { resampleBySlice } from './resampleSlices';
import { axisTaps, splinePad, type Taps } from './taps';

/** A module-local copy: an imported binding may compile to a getter call in hot loops. */
const pad = splinePad;

/** Half-open ranges of output indices per axis: [k0, k1). */
export type OutputBox = readonly [
  readonly [number, number],
  readonly [number, number],
  readonly [number, number],
];

/** Beyond the voxels a cubic tap reads, the cut keeps this many more, so the spline
 * coefficients (whose dependence decays as 0.268^distance) differ from those of the whole
 * image by less than 1e-9 of the local contrast. */
const splineMargin = 16;

interface AxisPlan {
  taps: Taps;
  /** Source index range [lo, hi] the taps read. */
  lo: number;
  hi: number;
  identity: boolean;
}

function planAxis(
  grid: ResampleGrid,
  axis: Axis,
  n: number,
  method: Interpolation,
  [k0, k1]: readonly [number, number],
): AxisPlan {
  const g = grid.axes[axis];
  if (isIdentity(g, n)) {
    // Only a cut: no pass along this axis.
    return { taps: axisTaps(g, n, 'nearest', k0, k1), lo: k0, hi: k1 - 1, identity: true };
  }
  const taps = axisTaps(g, n, method, k0, k1);
  const cubic = method === 'cubic';
  let lo = Infinity;
  let hi = -Infinity;
  for (const i of taps.index) {
    const j = cubic ? Math.min(n - 1, Math.max(0, i - pad)) : i;
    if (j < lo) lo = j;
    if (j > hi) hi = j;
  }
  if (cubic) {
    lo = Math.max(0, lo - splineMargin);
    hi = Math.min(n - 1, hi + splineMargin);
  }
  // Taps count from the cut's first voxel (the padded cut's, for cubic).
  for (let t = 0; t < taps.index.length; t++) taps.index[t] -= lo;
  return { taps, lo, hi, identity: false };
}

/** The source voxels the plans read, as 32-bit floats (passes never write their input). */
function cut(
  values: VoxelValues | Uint8Array,
  dims: Dims,
  plans: readonly AxisPlan[],
): { values: Float32Array; dims: Dims } {
  const [nx, ny, nz] = dims;
  const [px, py, pz] = plans;
  const cx = px.hi - px.lo + 1;
  const cy = py.hi - py.lo + 1;
  const cz = pz.hi - pz.lo + 1;
  if (cx === nx && cy === ny && cz === nz)
    return { values: values instanceof Float32Array ? values : Float32Array.from(values), dims };
  const out = new Float32Array(cx * cy * cz);
  for (let z = 0; z < cz; z++) {
    for (let y = 0; y < cy; y++) {
      const from = px.lo + nx * (py.lo + y + ny * (pz.lo + z));
      out.set(values.subarray(from, from + cx), cx * (y + cy * z));
    }
  }
  return { values: out, dims: [cx, cy, cz] };
}

/**
 * `values` (dims) interpolated on `grid`, for the output voxels in `box` (all of them when
 * absent). The result is the box's part of the whole resampled image: linear and nearest
 * exactly, cubic within 1e-9 of the local contrast.
 */
export function resampleValues(
  values: VoxelValues | Uint8Array,
  dims: Dims,
  grid: ResampleGrid,
  method: Interpolation,
  box: OutputBox = [
    [0, grid.dims[0]],
    [0, grid.dims[1]],
    [0, grid.dims[2]],
  ],
): { values: Float32Array; dims: Dims } {
  const axes: Axis[] = [0, 1, 2];
  const plans = axes.map((a) => planAxis(grid, a, dims[a], method, box[a]));
  let current = cut(values, dims, plans);
  // Shrinking axes first: each later pass reads and writes fewer voxels.
  const order = axes
    .filter((a) => !plans[a].identity)
    .sort((a, b) => (box[a][1] - box[a][0]) / dims[a] - (box[b][1] - box[b][0]) / dims[b]);
  const cubic = method === 'cubic';
  if (!plans[2].identity) {
    const inPlane = order.filter((a) => a !== 2).map((axis) => ({ axis, taps: plans[axis].taps }));
    return resampleBySlice(current.values, current.dims, inPlane, plans[2].taps, cubic);
  }
  for (const a of order)
    current = resampleAlong(current.values, current.dims, a, plans[a].taps, cubic);
  // Nothing changed (the grid is the image's): still a result the caller may write.
  return current.values === values ? { values: values.slice(), dims } : current;
}
