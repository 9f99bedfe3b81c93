// IBSI re-segmentation (reference manual, section 2.5): the intensity mask keeps the ROI voxels
// inside the range and, with outlier filtering, within mean ± k SD of the ROI's intensities.
// As in the IBSI reference implementation, the mean and SD are those of the whole ROI
// (population SD) and the two criteria combine as one range, so their order does not matter.
import type { ResegmentRange } from '../discretise';
import type { FeatureParams } from '../params';
import { analysisError, type RoiVolume } from '../volume';

/** Mean and population standard deviation of the values in the mask (all without one). */
function roiMeanSd(roi: RoiVolume): [mean: number, sd: number] {
  const { values, mask } = roi;
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    if (mask && mask[i] === 0) continue;
    n++;
    sum += values[i];
  }
  if (n === 0) throw analysisError('empty-roi', 'The region of interest contains no voxels.');
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < values.length; i++) {
    if (mask && mask[i] === 0) continue;
    const d = values[i] - mean;
    ss += d * d;
  }
  return [mean, Math.sqrt(ss / n)];
}

/** The one range both criteria make (open bounds null), or undefined when neither is set. */
export function resegmentationRange(
  roi: RoiVolume,
  params: Pick<FeatureParams, 'resegment' | 'outliers'>,
): ResegmentRange | undefined {
  const { resegment: range, outliers: k } = params;
  if (k === undefined) return range;
  if (!(k > 0))
    throw analysisError('bad-parameter', `Outlier filtering needs k above 0, not ${k}.`);
  const [mean, sd] = roiMeanSd(roi);
  const lo = mean - k * sd;
  const hi = mean + k * sd;
  const min = range?.[0];
  const max = range?.[1];
  return [min != null && min > lo ? min : lo, max != null && max < hi ? max : hi];
}

/** Says which settings left a ROI without voxels, rather than only that it has none. */
export function assertResegmentedNotEmpty(
  mask: Uint8Array | undefined,
  params: Pick<FeatureParams, 'resegment' | 'outliers'>,
): void {
  // No mask is every voxel: callers ask only when there are none.
  if (mask?.some((v) => v !== 0)) return;
  const [lo, hi] = params.resegment ?? [null, null];
  const range = `[${lo ?? '-∞'}, ${hi ?? '∞'}]`;
  const by = [
    params.resegment ? `the range ${range}` : '',
    params.outliers !== undefined ? `outliers beyond ${params.outliers} SD` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  throw analysisError(
    'empty-roi',
    by
      ? `No voxel of the region of interest is left after re-segmentation by ${by}.`
      : 'The region of interest contains no voxels.',
  );
}
