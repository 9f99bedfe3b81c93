// Lengths and angles in patient millimetres: x steps are column spacing, y steps row spacing.
import type { AngleResult, LengthResult, MeasureImage, Point } from './types';

function scaled(a: Point, b: Point, spacing: MeasureImage['spacingMm']): [number, number] {
  const sx = spacing ? spacing[1] : 1;
  const sy = spacing ? spacing[0] : 1;
  return [(b[0] - a[0]) * sx, (b[1] - a[1]) * sy];
}

/** The distance between two points: mm when the image has a pixel spacing, else pixels. */
export function lengthOf(a: Point, b: Point, spacing: MeasureImage['spacingMm']): LengthResult {
  const [dx, dy] = scaled(a, b, spacing);
  return { kind: 'length', length: Math.hypot(dx, dy), unit: spacing ? 'mm' : 'px' };
}

/**
 * The angle a–vertex–c, in degrees. With unequal row and column spacing the angle is taken in
 * millimetres, so it is the angle in the patient, not on the screen.
 */
export function angleOf(
  a: Point,
  vertex: Point,
  c: Point,
  spacing: MeasureImage['spacingMm'],
): AngleResult {
  const [ux, uy] = scaled(vertex, a, spacing);
  const [vx, vy] = scaled(vertex, c, spacing);
  // atan2 of cross and dot is exact near 0° and 180°, where acos of a ratio is not.
  const rad = Math.abs(Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy));
  return { kind: 'angle', degrees: (rad * 180) / Math.PI };
}
