// One analysis job: a stack of slices in modality values and a ROI shape per slice -> IBSI features and the
// ROI's intensity histogram. What the analysis worker runs; Node can run the same call.
import { computeFeatures, type FeatureSet } from '../computeFeatures';
import type { FamilyId } from '../featureDef';
import type { FeatureParams } from '../params';
import { roiStackMask, type SliceRoi } from '../roi/roiStack';
import type { RoiShape } from '../roi/shapes';
import { assertRoiShape, type SpacingMm } from '../volume';
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

export function runRoiFeaturesJob(job: RoiFeaturesJob): RoiFeaturesResult {
  const { values, width, height } = job;
  const depth = job.shapes.length;
  const stack: SliceRoi[] = [];
  job.shapes.forEach((shape, z) => shape && stack.push({ z, shape }));
  const dims = [width, height, depth] as const;
  const mask = roiStackMask(stack, dims);
  const roi = { values, mask, dims, spacingMm: job.spacingMm };
  assertRoiShape(roi);
  const set = computeFeatures(roi, job.params, job.families);
  return { ...set, histogram: roiHistogram(values, mask, job.histogramBins) };
}
