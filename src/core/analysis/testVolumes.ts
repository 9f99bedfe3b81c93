// Small hand-made volumes for unit tests (self-contained: no files read).
import type { DiscreteVolume, RoiVolume } from './volume';

/** A single-slice RoiVolume from rows of values; the whole image is the ROI. */
export function sliceRoi(rows: number[][], spacingMm = 1): RoiVolume {
  const ny = rows.length;
  const nx = rows[0].length;
  return {
    values: Float32Array.from(rows.flat()),
    mask: new Uint8Array(nx * ny).fill(1),
    dims: [nx, ny, 1],
    spacingMm: [spacingMm, spacingMm, spacingMm],
  };
}

/** A single-slice DiscreteVolume from rows of grey levels (0 = outside the ROI). */
export function sliceLevels(rows: number[][]): DiscreteVolume {
  const levels = Uint16Array.from(rows.flat());
  let levelCount = 0;
  for (const g of levels) levelCount = Math.max(levelCount, g);
  return { levels, dims: [rows[0].length, rows.length, 1], spacingMm: [1, 1, 1], levelCount };
}
