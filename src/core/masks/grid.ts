// The image grid a mask is placed on: how many voxels, and where each slice lies in patient
// space (DICOM's LPS millimetres). RTSTRUCT contours, SEG frames and NIfTI voxels are all mapped
// onto it through this geometry.
import { ProblemError } from '../result.ts';
import type { InstanceMeta, Vec3 } from '../dicom/types.ts';

export interface GridGeometry {
  /** Patient position (mm) of the centre of voxel (0, 0) of each slice. */
  origins: Vec3[];
  /** Unit vector along a row: the direction of increasing column index (x). */
  rowDirection: Vec3;
  /** Unit vector down a column: the direction of increasing row index (y). */
  columnDirection: Vec3;
  /** rowDirection × columnDirection. */
  normal: Vec3;
  /** Voxel size along x (between columns) and y (between rows), mm. */
  spacingMm: [x: number, y: number];
  /** Each slice's position along the normal, mm. */
  slicePositions: number[];
  /** A contour or frame this close (mm) to a slice along the normal lies on it. */
  sliceToleranceMm: number;
}

export interface ImageGrid {
  columns: number;
  rows: number;
  slices: number;
  /** Where the slices lie, or why that is unknown (then only same-size label maps fit). */
  geometry: GridGeometry | string;
  /** '' when the image does not say (NIfTI, or a DICOM file without it). */
  frameOfReferenceUID: string;
}

export function dot(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

export function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

export function sub(a: Vec3, b: Vec3): Vec3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

export function norm(a: Vec3): number {
  return Math.sqrt(dot(a, a));
}

/** Two unit directions agree to within about 0.06 degrees. */
export function sameDirection(a: Vec3, b: Vec3): boolean {
  return dot(a, b) > 1 - 1e-6;
}

/**
 * A quarter of the smallest gap between slices: generous for DS rounding and writers that
 * round contour z, yet never halfway to the next slice. One slice: a quarter of its thickness.
 */
function toleranceFor(positions: readonly number[], thicknessMm: number | null): number {
  let gap = Infinity;
  const sorted = [...positions].sort((a, b) => a - b);
  for (let k = 1; k < sorted.length; k++) gap = Math.min(gap, sorted[k] - sorted[k - 1]);
  if (!Number.isFinite(gap) || gap <= 0) gap = thicknessMm && thicknessMm > 0 ? thicknessMm : 1;
  return gap / 4;
}

/** Geometry from per-slice origins and one orientation; throws when the slices coincide. */
export function geometryOf(
  origins: Vec3[],
  rowDirection: Vec3,
  columnDirection: Vec3,
  spacingMm: [number, number],
  thicknessMm: number | null,
): GridGeometry {
  const normal = cross(rowDirection, columnDirection);
  const slicePositions = origins.map((o) => dot(o, normal));
  const sorted = [...slicePositions].sort((a, b) => a - b);
  for (let k = 1; k < sorted.length; k++) {
    if (sorted[k] - sorted[k - 1] < 1e-4) {
      throw new ProblemError(
        'image-geometry',
        'two slices of the image lie at the same position, so masks cannot be placed on its slices',
        { positionMm: sorted[k] },
      );
    }
  }
  return {
    origins,
    rowDirection,
    columnDirection,
    normal,
    spacingMm,
    slicePositions,
    sliceToleranceMm: toleranceFor(slicePositions, thicknessMm),
  };
}

function unit(v: Vec3): Vec3 | null {
  const n = norm(v);
  return n > 0.5 && n < 1.5 && Number.isFinite(n) ? [v[0] / n, v[1] / n, v[2] / n] : null;
}

/** Why the slices' geometry cannot be used, or the geometry. */
function geometryFromMetas(metas: readonly InstanceMeta[]): GridGeometry | string {
  const first = metas[0];
  const o = first.imageOrientationPatient;
  if (!o) return 'the image has no Image Orientation (Patient)';
  const row = unit([o[0], o[1], o[2]]);
  const column = unit([o[3], o[4], o[5]]);
  if (!row || !column || Math.abs(dot(row, column)) > 1e-3)
    return 'the image orientation is not two perpendicular unit vectors';
  const origins: Vec3[] = [];
  for (const meta of metas) {
    const p = meta.imagePositionPatient;
    const mo = meta.imageOrientationPatient;
    if (!p) return 'a slice of the image has no Image Position (Patient)';
    if (!mo || mo.some((v, i) => Math.abs(v - o[i]) > 1e-4))
      return 'the slices of the image are not all oriented alike';
    origins.push([p[0], p[1], p[2]]);
  }
  const spacing = first.pixelSpacingMm;
  if (!spacing || !(spacing[0] > 0) || !(spacing[1] > 0)) return 'the image has no Pixel Spacing';
  try {
    // DICOM's Pixel Spacing is row spacing (y) then column spacing (x).
    return geometryOf(origins, row, column, [spacing[1], spacing[0]], first.sliceThicknessMm);
  } catch (e) {
    if (e instanceof ProblemError) return e.reason;
    throw e;
  }
}

/** The grid of a series: one meta per slice, in the series' slice order. */
export function gridFromMetas(
  metas: readonly InstanceMeta[],
  columns: number,
  rows: number,
): ImageGrid {
  return {
    columns,
    rows,
    slices: metas.length,
    geometry: metas.length > 0 ? geometryFromMetas(metas) : 'the image has no slices',
    frameOfReferenceUID: metas[0]?.frameOfReferenceUID ?? '',
  };
}

/** The geometry, or the reason it is missing as a ProblemError about this mask. */
export function requireGeometry(grid: ImageGrid, what: string): GridGeometry {
  if (typeof grid.geometry !== 'string') return grid.geometry;
  throw new ProblemError(
    'image-geometry',
    `${what} cannot be placed on the image: ${grid.geometry}`,
    {},
  );
}

/** The slice lying at `positionMm` along the normal (within tolerance), or -1. */
export function sliceAt(geometry: GridGeometry, positionMm: number): number {
  let best = -1;
  let bestDistance = Infinity;
  const positions = geometry.slicePositions;
  for (let k = 0; k < positions.length; k++) {
    const d = Math.abs(positions[k] - positionMm);
    if (d < bestDistance) {
      bestDistance = d;
      best = k;
    }
  }
  return bestDistance <= geometry.sliceToleranceMm ? best : -1;
}

/** Voxel count of one slice and of the whole grid. */
export function gridSize(grid: ImageGrid): { plane: number; voxels: number } {
  const plane = grid.columns * grid.rows;
  return { plane, voxels: plane * grid.slices };
}
