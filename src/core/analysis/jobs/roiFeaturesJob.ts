// One analysis job: a stack of slices in modality values and a ROI shape per slice -> IBSI features and the
// ROI's intensity histogram. What the analysis worker runs; Node can run the same call.
import { computeFeatures, type FeatureOverrides, type FeatureSet } from '../computeFeatures';
import type { FamilyId } from '../featureDef';
import type { FeatureParams } from '../params';
import { cropToMask } from '../roi/cropToMask';
import { roiStackMask, type SliceRoi } from '../roi/roiStack';
import type { RoiShape } from '../roi/shapes';
import { assertRoiShape, type RoiVolume, type SpacingMm } from '../volume';
import { roiHistogram, type RoiHistogram } from './roiHistogram';

export interface RoiFeaturesJob {
  /** Grey values, width x height x slices, x fastest, slices in display order. */
  values: Float32Array;
  width: number;
  height: number;
  spacingMm: SpacingMm;
  /** The ROI shape on slice z, or null where the ROI has none. */
  shapes: readonly (RoiShape | null)[];
  params: FeatureParams;
  families: readonly FamilyId[];
  histogramBins: number;
}

export interface RoiFeaturesResult extends FeatureSet {
  histogram: RoiHistogram;
}

/** The job's slices and per-slice shapes as one ROI volume (values + mask). */
export function roiOfJob(job: RoiFeaturesJob): RoiVolume {
  const { values, width, height } = job;
  const stack: SliceRoi[] = [];
  job.shapes.forEach((shape, z) => shape && stack.push({ z, shape }));
  const dims = [width, height, job.shapes.length] as const;
  const roi = { values, mask: roiStackMask(stack, dims), dims, spacingMm: job.spacingMm };
  assertRoiShape(roi);
  return roi;
}

export function runRoiFeaturesJob(
  job: RoiFeaturesJob,
  overrides?: FeatureOverrides,
): RoiFeaturesResult {
  const roi = roiOfJob(job);
  const set = computeFeatures(roi, job.params, job.families, overrides);
  // Only the mask's voxels count, so the box around it gives the same histogram.
  const box = cropToMask(roi).roi;
  return { ...set, histogram: roiHistogram(box.values, box.mask, job.histogramBins) };
}
