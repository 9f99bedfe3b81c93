// Histogram of the intensities inside a ROI, for display: equal-width bins over the ROI's range.
import type { VoxelValues } from '../volume';

export interface RoiHistogram {
  /** Lower edge of the first bin and upper edge of the last, in modality values. */
  min: number;
  max: number;
  counts: number[];
}

/** mask undefined: every voxel. */
export function roiHistogram(
  values: VoxelValues,
  mask: Uint8Array | undefined,
  bins: number,
): RoiHistogram {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (mask && mask[i] === 0) continue;
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const counts = new Array<number>(bins).fill(0);
  if (min > max) return { min: 0, max: 0, counts };
  // A constant ROI still gets one visible bar.
  const width = max > min ? (max - min) / bins : 1;
  for (let i = 0; i < values.length; i++) {
    if (mask && mask[i] === 0) continue;
    const k = Math.min(bins - 1, Math.floor((values[i] - min) / width));
    counts[k]++;
  }
  return { min, max: max > min ? max : min + 1, counts };
}
