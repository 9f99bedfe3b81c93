// NIfTI label maps as masks, and NIfTI volumes as image grids. A label map is placed on the
// image voxel by voxel through both grids' geometry: every image voxel centre must fall on a
// label-map voxel centre (the grids share spacing and axes, in any order or direction), else the
// map is refused rather than resampled.
import type { Vec3 } from '../dicom/types.ts';
import { ProblemError } from '../result.ts';
import {
  geometryOf,
  gridSize,
  norm,
  requireGeometry,
  type GridGeometry,
  type ImageGrid,
} from './grid.ts';
import type { NiftiVolume } from './nifti.ts';
import type { StructureRef } from './types.ts';

/** Off the label map's voxel centres by more than this fraction of a voxel: not on its grid. */
const voxelTolerance = 0.01;
/** More distinct values than this is an image or a probability map, not a label map. */
const maxLabels = 10_000;

function column(v: NiftiVolume, c: number): Vec3 {
  const a = v.affineLps;
  return [a[0][c], a[1][c], a[2][c]];
}

/** The grid of a NIfTI volume taken as the image; NIfTI has no Frame of Reference. */
export function niftiGrid(v: NiftiVolume): ImageGrid {
  const [nx, ny, nz] = v.dims;
  const ci = column(v, 0);
  const cj = column(v, 1);
  const ck = column(v, 2);
  const t = column(v, 3);
  const dx = norm(ci);
  const dy = norm(cj);
  const r: Vec3 = [ci[0] / dx, ci[1] / dx, ci[2] / dx];
  const c: Vec3 = [cj[0] / dy, cj[1] / dy, cj[2] / dy];
  let geometry: GridGeometry | string;
  if (Math.abs(r[0] * c[0] + r[1] * c[1] + r[2] * c[2]) > 1e-3) {
    geometry = 'its first two voxel axes are not perpendicular (a sheared affine)';
  } else {
    const origins: Vec3[] = [];
    for (let k = 0; k < nz; k++)
      origins.push([t[0] + k * ck[0], t[1] + k * ck[1], t[2] + k * ck[2]]);
    try {
      geometry = geometryOf(origins, r, c, [dx, dy], norm(ck));
    } catch (e) {
      if (!(e instanceof ProblemError)) throw e;
      geometry = e.reason;
    }
  }
  return { columns: nx, rows: ny, slices: nz, geometry, frameOfReferenceUID: '' };
}

/**
 * The structures of a label map: each distinct non-zero integer value, ascending. A map with
 * values that are not whole numbers is one structure, "mask", inside where the value ≥ 0.5.
 */
export function niftiStructures(v: NiftiVolume): StructureRef[] {
  const seen = new Set<number>();
  const values = v.values;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x === 0) continue;
    if (!Number.isInteger(x)) return [{ name: 'mask', number: -1 }];
    if (!seen.has(x)) {
      seen.add(x);
      if (seen.size > maxLabels)
        throw new ProblemError(
          'invalid-nifti',
          `${v.file}: it holds more than ${maxLabels} different values, too many for a label map`,
          { file: v.file },
        );
    }
  }
  return [...seen].sort((a, b) => a - b).map((n) => ({ name: String(n), number: n }));
}

function solve3(m: number[][], b: Vec3): Vec3 {
  // Cramer's rule on a 3 × 3 system: the affines here are small and well conditioned.
  const det = (a: number[][]) =>
    a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) -
    a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0]) +
    a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
  const d = det(m);
  const out: Vec3 = [0, 0, 0];
  for (let c = 0; c < 3; c++) {
    const mc = m.map((row, r) => row.map((v, j) => (j === c ? b[r] : v)));
    out[c] = det(mc) / d;
  }
  return out;
}

/** The label-map axis (0, 1, 2) and direction (±1) a step of `step` voxels moves along. */
function axisStep(step: Vec3): [axis: number, sign: number] | null {
  for (let a = 0; a < 3; a++) {
    const others = [0, 1, 2].filter((b) => b !== a);
    if (
      Math.abs(Math.abs(step[a]) - 1) < voxelTolerance &&
      others.every((b) => Math.abs(step[b]) < voxelTolerance)
    )
      return [a, Math.sign(step[a])];
  }
  return null;
}

function nearInteger(v: number): boolean {
  return Math.abs(v - Math.round(v)) <= voxelTolerance;
}

/** Voxels of the label map holding the structure's value (or ≥ 0.5 for "mask"), on the image grid. */
export function niftiLabelMask(v: NiftiVolume, s: StructureRef, grid: ImageGrid): Uint8Array {
  const about = { structure: s.name, number: s.number, file: v.file };
  const what = `label ${s.name} of ${v.file}`;
  const geometry = requireGeometry(grid, what);
  const m = [0, 1, 2].map((r) => [v.affineLps[r][0], v.affineLps[r][1], v.affineLps[r][2]]);
  const t = column(v, 3);
  const [dx, dy] = geometry.spacingMm;
  const r = geometry.rowDirection;
  const c = geometry.columnDirection;
  const mismatch = (reason: string) =>
    new ProblemError(
      'mask-grid-mismatch',
      `${what} is not on the image's voxel grid: ${reason}`,
      about,
    );
  const di = axisStep(solve3(m, [r[0] * dx, r[1] * dx, r[2] * dx]));
  const dj = axisStep(solve3(m, [c[0] * dy, c[1] * dy, c[2] * dy]));
  if (!di || !dj || di[0] === dj[0])
    throw mismatch('its voxel axes or spacing differ from the image’s');
  const [mx, my, mz] = v.dims;
  const stride = [1, mx, mx * my];
  const size = v.dims;
  const { plane, voxels } = gridSize(grid);
  const out = new Uint8Array(voxels);
  const values = v.values;
  const wanted = s.number;
  const isMask = s.number === -1;
  let inside = 0;
  for (let k = 0; k < grid.slices; k++) {
    const o = geometry.origins[k];
    const m0 = solve3(m, [o[0] - t[0], o[1] - t[1], o[2] - t[2]]);
    if (!m0.every(nearInteger)) throw mismatch(`slice ${k + 1} falls between its voxel centres`);
    const start = m0.map(Math.round);
    const sliceAxis = 3 - di[0] - dj[0];
    if (start[sliceAxis] < 0 || start[sliceAxis] >= size[sliceAxis]) continue;
    for (let y = 0; y < grid.rows; y++) {
      const jy = start[dj[0]] + dj[1] * y;
      if (jy < 0 || jy >= size[dj[0]]) continue;
      for (let x = 0; x < grid.columns; x++) {
        const ix = start[di[0]] + di[1] * x;
        if (ix < 0 || ix >= size[di[0]]) continue;
        const idx = start[sliceAxis] * stride[sliceAxis] + jy * stride[dj[0]] + ix * stride[di[0]];
        const value = values[idx];
        if (isMask ? value >= 0.5 : value === wanted) {
          out[k * plane + y * grid.columns + x] = 1;
          inside++;
        }
      }
    }
  }
  if (mz * my * mx > 0 && inside === 0)
    throw new ProblemError('empty-structure', `${what} has no voxels on the image`, about);
  return out;
}
