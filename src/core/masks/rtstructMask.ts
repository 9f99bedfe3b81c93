// One RTSTRUCT structure as a voxel mask: each closed planar contour is matched to the image
// slice it lies on (by position along the slice normal, within the grid's tolerance), turned
// into pixel coordinates through the slice's position, orientation and pixel spacing, and all
// contours of a slice are filled together by the even-odd rule.
import { ProblemError } from '../result.ts';
import { dot, gridSize, requireGeometry, sliceAt, type ImageGrid } from './grid.ts';
import { fillPolygonsEvenOdd } from './polygonMask.ts';
import type { RtStruct, RtStructure } from './rtstruct.ts';
import { checkFrameOfReference } from './types.ts';

/** Contour types that enclose an area; POINT and OPEN_* contours mark, they do not enclose. */
const closedTypes = new Set(['CLOSED_PLANAR', 'CLOSED_PLANAR_XOR', '']);

export function rtStructureMask(set: RtStruct, s: RtStructure, grid: ImageGrid): Uint8Array {
  const about = { structure: s.name, number: s.number, file: set.file };
  const what = `structure "${s.name}"`;
  if (s.problem) throw new ProblemError('invalid-rtstruct', `${what}: ${s.problem}`, about);
  checkFrameOfReference(grid, s.frameOfReferenceUID, `${what} of ${set.file}`);
  const geometry = requireGeometry(grid, what);
  const closed = s.contours.filter((c) => closedTypes.has(c.type) && c.points.length >= 9);
  if (closed.length === 0) {
    const reason =
      s.contours.length === 0
        ? `${what} has no contours`
        : `${what} has no closed contours (only ${[...new Set(s.contours.map((c) => c.type))].join(', ')}), so it encloses no voxels`;
    throw new ProblemError(
      s.contours.length === 0 ? 'empty-structure' : 'no-closed-contours',
      reason,
      about,
    );
  }
  const { columns, rows } = grid;
  const [dx, dy] = geometry.spacingMm;
  const { rowDirection: r, columnDirection: c, normal: n } = geometry;
  const bySlice = new Map<number, Float64Array[]>();
  for (const contour of closed) {
    const p = contour.points;
    const count = p.length / 3;
    let along = 0;
    for (let i = 0; i < count; i++)
      along += p[3 * i] * n[0] + p[3 * i + 1] * n[1] + p[3 * i + 2] * n[2];
    along /= count;
    const k = sliceAt(geometry, along);
    if (k < 0) {
      throw new ProblemError(
        'contour-off-slices',
        `${what} has a contour at ${along.toFixed(2)} mm along the slice normal, which matches no slice of the image (slices lie from ${Math.min(...geometry.slicePositions).toFixed(2)} to ${Math.max(...geometry.slicePositions).toFixed(2)} mm, matched within ${geometry.sliceToleranceMm.toFixed(2)} mm)`,
        { ...about, positionMm: along },
      );
    }
    const o = geometry.origins[k];
    const xy = new Float64Array(2 * count);
    let inside = false;
    for (let i = 0; i < count; i++) {
      const d: [number, number, number] = [
        p[3 * i] - o[0],
        p[3 * i + 1] - o[1],
        p[3 * i + 2] - o[2],
      ];
      if (Math.abs(dot(d, n)) > geometry.sliceToleranceMm) {
        throw new ProblemError(
          'contour-not-planar',
          `${what} has a contour whose points do not lie in one slice plane`,
          { ...about, positionMm: along },
        );
      }
      const x = dot(d, r) / dx;
      const y = dot(d, c) / dy;
      xy[2 * i] = x;
      xy[2 * i + 1] = y;
      if (x > -0.5 && x < columns - 0.5 && y > -0.5 && y < rows - 0.5) inside = true;
    }
    if (!inside && !enclosesImage(xy, columns, rows)) {
      throw new ProblemError(
        'contour-outside-image',
        `${what} has a contour on slice ${k + 1} that lies wholly outside the image`,
        { ...about, slice: k + 1 },
      );
    }
    const list = bySlice.get(k);
    if (list) list.push(xy);
    else bySlice.set(k, [xy]);
  }
  const { plane, voxels } = gridSize(grid);
  const mask = new Uint8Array(voxels);
  for (const [k, polygons] of bySlice)
    fillPolygonsEvenOdd(polygons, columns, rows, mask, k * plane);
  return mask;
}

/** A contour with every point outside the image may still surround it (a body outline). */
function enclosesImage(xy: Float64Array, columns: number, rows: number): boolean {
  const probe = new Uint8Array(1);
  // The image centre, shifted into a one-voxel grid.
  const cx = (columns - 1) / 2;
  const cy = (rows - 1) / 2;
  const shifted = new Float64Array(xy.length);
  for (let i = 0; i < xy.length; i += 2) {
    shifted[i] = xy[i] - cx;
    shifted[i + 1] = xy[i + 1] - cy;
  }
  fillPolygonsEvenOdd([shifted], 1, 1, probe, 0);
  return probe[0] === 1;
}
