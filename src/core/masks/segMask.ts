// One SEG segment as a voxel mask: each of its frames is placed by its own plane position onto
// the image slice it lies on, so a SEG that covers only some slices, or stores its frames in any
// order, lands where it belongs. A frame must share the image's orientation and pixel spacing and
// sit on its pixel grid (a whole number of pixels away); anything else is refused, not resampled.
import { ProblemError } from '../result.ts';
import {
  dot,
  gridSize,
  requireGeometry,
  sameDirection,
  sliceAt,
  sub,
  type ImageGrid,
} from './grid.ts';
import type { Seg, SegSegment } from './seg.ts';
import { segFrameInside } from './segFrame.ts';
import { checkFrameOfReference } from './types.ts';

/** Off the image's pixel grid by more than this fraction of a pixel: not on it. */
const pixelTolerance = 0.01;

export interface SegMaskOptions {
  /** A fractional voxel is inside when value / Maximum Fractional Value ≥ this (default 0.5). */
  fractionThreshold?: number;
}

export async function segmentMask(
  seg: Seg,
  segment: SegSegment,
  grid: ImageGrid,
  options: SegMaskOptions = {},
): Promise<Uint8Array> {
  const about = { structure: segment.label, number: segment.number, file: seg.file };
  const what = `segment ${segment.number} "${segment.label}"`;
  checkFrameOfReference(grid, seg.frameOfReferenceUID, `${what} of ${seg.file}`);
  const geometry = requireGeometry(grid, what);
  const frameIndices = seg.frames.flatMap((f, i) => (f.segment === segment.number ? [i] : []));
  if (frameIndices.length === 0)
    throw new ProblemError('empty-structure', `${what} has no frames`, about);
  const threshold = options.fractionThreshold ?? 0.5;
  const cut = seg.fractional ? threshold * seg.maxFractional : 0.5;
  const { columns, rows } = grid;
  const { plane, voxels } = gridSize(grid);
  const mask = new Uint8Array(voxels);
  const [dx, dy] = geometry.spacingMm;
  const fc = seg.meta.columns;
  const fr = seg.meta.rows;
  for (const f of frameIndices) {
    const frame = seg.frames[f];
    const mismatch = (reason: string) =>
      new ProblemError('seg-grid-mismatch', `${what}: frame ${f + 1} ${reason}`, {
        ...about,
        frame: f + 1,
      });
    if (!frame.position || !frame.rowDirection || !frame.columnDirection || !frame.spacingMm)
      throw mismatch('has no plane position, orientation or pixel spacing');
    if (
      !sameDirection(frame.rowDirection, geometry.rowDirection) ||
      !sameDirection(frame.columnDirection, geometry.columnDirection)
    )
      throw mismatch('is oriented differently from the image');
    if (
      Math.abs(frame.spacingMm[0] - dx) > 1e-4 * dx ||
      Math.abs(frame.spacingMm[1] - dy) > 1e-4 * dy
    )
      throw mismatch(
        `has pixel spacing ${frame.spacingMm[1]}\\${frame.spacingMm[0]} mm, the image ${dy}\\${dx} mm`,
      );
    const along = dot(frame.position, geometry.normal);
    const k = sliceAt(geometry, along);
    if (k < 0) {
      throw new ProblemError(
        'seg-frame-off-slices',
        `${what}: frame ${f + 1} lies at ${along.toFixed(2)} mm along the slice normal, which matches no slice of the image`,
        { ...about, frame: f + 1, positionMm: along },
      );
    }
    const d = sub(frame.position, geometry.origins[k]);
    const ox = dot(d, geometry.rowDirection) / dx;
    const oy = dot(d, geometry.columnDirection) / dy;
    const x0 = Math.round(ox);
    const y0 = Math.round(oy);
    if (Math.abs(ox - x0) > pixelTolerance || Math.abs(oy - y0) > pixelTolerance)
      throw mismatch(
        `is shifted by a fraction of a pixel (${ox.toFixed(3)}, ${oy.toFixed(3)}) from the image's pixels`,
      );
    if (x0 >= columns || y0 >= rows || x0 + fc <= 0 || y0 + fr <= 0)
      throw mismatch('lies wholly outside the image');
    const base = k * plane;
    if (x0 === 0 && y0 === 0 && fc === columns && fr === rows) {
      await segFrameInside(seg, f, cut, mask, base); // the usual case: the frame is the slice
      continue;
    }
    const inside = await segFrameInside(seg, f, cut);
    for (let y = Math.max(0, -y0); y < fr && y + y0 < rows; y++) {
      const src = y * fc;
      const dst = base + (y + y0) * columns + x0;
      for (let x = Math.max(0, -x0); x < fc && x + x0 < columns; x++) {
        if (inside[src + x]) mask[dst + x] = 1;
      }
    }
  }
  return mask;
}
