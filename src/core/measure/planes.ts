// Image planes in patient space, for linked scrolling and reference lines between viewports of
// one frame of reference. Image coordinates as elsewhere in core/measure: pixel (i, j) covers
// [i, i+1) × [j, j+1), so Image Position (Patient), the centre of the first pixel, is (0.5, 0.5).
import type { Point } from './types';

type Vec3 = readonly [number, number, number];

export interface PlaneMeta {
  readonly imagePositionPatient: Vec3 | null;
  readonly imageOrientationPatient:
    readonly [number, number, number, number, number, number] | null;
  /** Row spacing then column spacing, mm. */
  readonly pixelSpacingMm: readonly [number, number] | null;
  readonly rows: number;
  readonly columns: number;
}

export interface Plane {
  readonly origin: Vec3;
  /** Direction of increasing column index (x) and of increasing row index (y). */
  readonly row: Vec3;
  readonly col: Vec3;
  readonly normal: Vec3;
  /** Column spacing (x) and row spacing (y), mm. */
  readonly dx: number;
  readonly dy: number;
  readonly columns: number;
  readonly rows: number;
}

const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const mul = (a: Vec3, k: number): Vec3 => [a[0] * k, a[1] * k, a[2] * k];
const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];

/** The plane of an image, or null when its header lacks position, orientation or spacing. */
export function planeOf(m: PlaneMeta): Plane | null {
  const o = m.imageOrientationPatient;
  if (!m.imagePositionPatient || !o || !m.pixelSpacingMm) return null;
  const row: Vec3 = [o[0], o[1], o[2]];
  const col: Vec3 = [o[3], o[4], o[5]];
  const normal = cross(row, col);
  if (Math.hypot(...normal) < 1e-6) return null;
  return {
    origin: m.imagePositionPatient,
    row,
    col,
    normal,
    dx: m.pixelSpacingMm[1],
    dy: m.pixelSpacingMm[0],
    columns: m.columns,
    rows: m.rows,
  };
}

/** A patient point of the plane at image coordinates (x, y). */
export function patientPoint(p: Plane, x: number, y: number): Vec3 {
  return add(p.origin, add(mul(p.row, (x - 0.5) * p.dx), mul(p.col, (y - 0.5) * p.dy)));
}

/** A patient point as image coordinates of the plane (its distance from the plane dropped). */
export function imagePoint(p: Plane, q: Vec3): Point {
  const d = sub(q, p.origin);
  return [dot(d, p.row) / p.dx + 0.5, dot(d, p.col) / p.dy + 0.5];
}

/** Signed distance of a patient point from the plane, mm. */
export function distance(p: Plane, q: Vec3): number {
  return dot(sub(q, p.origin), p.normal);
}

/** Whether two planes are parallel (normals within about 8°), as slices of one stack are. */
export function parallel(a: Plane, b: Plane): boolean {
  return Math.abs(dot(a.normal, b.normal)) > 0.99;
}

/**
 * The slice of `stack` nearest the plane `source` (parallel stacks only): its index, or null
 * when no slice lies within `tolerance` mm (the source is outside the stack).
 */
export function nearestSlice(
  source: Plane,
  stack: readonly (Plane | null)[],
  tolerance: number,
): number | null {
  const centre = patientPoint(source, source.columns / 2, source.rows / 2);
  let best: number | null = null;
  let bestD = Infinity;
  stack.forEach((p, k) => {
    if (!p || !parallel(p, source)) return;
    const d = Math.abs(distance(p, centre));
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  });
  return bestD <= tolerance ? best : null;
}

/**
 * Where the source image cuts the target image: a segment in the target's image coordinates
 * (the reference line), or null when the planes are parallel or do not meet within both images.
 */
export function referenceLine(source: Plane, target: Plane): [Point, Point] | null {
  if (parallel(source, target)) return null;
  const w = source.columns;
  const h = source.rows;
  const corners = [
    patientPoint(source, 0, 0),
    patientPoint(source, w, 0),
    patientPoint(source, w, h),
    patientPoint(source, 0, h),
  ];
  const hits: Vec3[] = [];
  for (let k = 0; k < 4; k++) {
    const a = corners[k];
    const b = corners[(k + 1) % 4];
    const da = distance(target, a);
    const db = distance(target, b);
    if (da === 0 && db === 0) continue;
    // Half-open so a corner lying on the plane counts once.
    if ((da <= 0 && db > 0) || (da > 0 && db <= 0))
      hits.push(add(a, mul(sub(b, a), da / (da - db))));
  }
  if (hits.length < 2) return null;
  return clip(imagePoint(target, hits[0]), imagePoint(target, hits[1]), target);
}

/** The part of segment a–b inside the target image (Liang–Barsky), or null. */
function clip(a: Point, b: Point, target: Plane): [Point, Point] | null {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, a[0]],
    [dx, target.columns - a[0]],
    [-dy, a[1]],
    [dy, target.rows - a[1]],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
  }
  if (t0 >= t1) return null;
  return [
    [a[0] + t0 * dx, a[1] + t0 * dy],
    [a[0] + t1 * dx, a[1] + t1 * dy],
  ];
}
