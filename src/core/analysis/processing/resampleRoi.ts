// IBSI interpolation of an image and its ROI mask (reference manual, section 2.4): the image by
// the chosen method, CT intensities rounded to whole HU, the mask interpolated linearly (or by
// nearest neighbour with the image) and kept where it reaches the partial-volume threshold.
// Only the part of the new grid around the ROI is computed.
import type { ResampleParams } from '../params';
import { maskBounds } from '../roi/cropToMask';
import { analysisError, maskOf, type RoiVolume } from '../volume';
import { resampleGrid } from './grid';
import { resampleValues, type OutputBox } from './resample';
import { roundHalfEven } from './roundHalfEven';

/** Interpolated mask fractions this close below the threshold count as reaching it: sums of
 * weights carry rounding error that must not drop a voxel at exactly 0.5. */
const thresholdSlack = 1e-6;

export interface ResampleRoiOptions {
  /** Round intensities to integers after interpolation (CT: Hounsfield units are integers). */
  round: boolean;
  /** Image kept around the ROI, in mm (local intensity reads 6.2 mm around each voxel). */
  marginMm: number;
}

/** The ROI on the new grid, cut to its box plus the margin (the cut of the whole result). */
export function resampleRoi(
  roi: RoiVolume,
  params: ResampleParams,
  { round, marginMm }: ResampleRoiOptions,
): RoiVolume {
  // A whole image (no mask) has its mask made here: resampling writes a new one anyway.
  const roiMask = maskOf(roi);
  const bounds = maskBounds(roiMask, roi.dims);
  if (!bounds) throw analysisError('empty-roi', 'The region of interest contains no voxels.');
  const grid = resampleGrid(roi.dims, roi.spacingMm, params.spacingMm);
  const source = [
    [bounds.x0, bounds.x1],
    [bounds.y0, bounds.y1],
    [bounds.z0, bounds.z1],
  ];
  // Output points whose interpolated mask can be non-zero lie strictly within one source
  // voxel of the mask's box; the margin is added on the new grid.
  const box = grid.axes.map((g, a) => {
    const extra = Math.ceil(marginMm / grid.spacingMm[a]) + 1;
    const k0 = Math.floor((source[a][0] - 1 - g.origin) / g.step) - extra;
    const k1 = Math.ceil((source[a][1] - g.origin) / g.step) + extra + 1;
    return [Math.max(0, k0), Math.min(g.n, k1)] as const;
  }) as unknown as OutputBox;
  const image = resampleValues(roi.values, roi.dims, grid, params.interpolation, box);
  if (round) roundHalfEven(image.values);
  // Label values other than 1 count as 1.
  const maskValues = roiMask.some((v) => v > 1) ? roiMask.map((v) => (v !== 0 ? 1 : 0)) : roiMask;
  const maskMethod = params.interpolation === 'nearest' ? 'nearest' : 'linear';
  const fractions = resampleValues(maskValues, roi.dims, grid, maskMethod, box).values;
  const mask = new Uint8Array(fractions.length);
  const keep = params.maskThreshold - thresholdSlack;
  for (let i = 0; i < mask.length; i++) mask[i] = fractions[i] >= keep ? 1 : 0;
  return { values: image.values, mask, dims: image.dims, spacingMm: grid.spacingMm };
}
