// One analysis job: slices of modality values and a ROI shape per slice -> IBSI features and the
// ROI's intensity histogram. What the analysis worker runs; Node can run the same call.
import { computeFeatures, type FeatureSet } from '../computeFeatures';
import type { FamilyId } from '../featureDef';
import type { FeatureParams } from '../params';
import { roiStackMask, type SliceRoi } from '../roi/roiStack';
import type { RoiShape } from '../roi/shapes';
import { analysisError, type SpacingMm } from '../volume';
import { roiHistogram, type RoiHistogram } from './roiHistogram';

export interface RoiFeaturesJob {
  /** One grey slice per z, each width x height, in display order. */
  slices: readonly Float32Array[];
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
  const { slices, width, height } = job;
  const plane = width * height;
  const values = new Float32Array(plane * slices.length);
  slices.forEach((s, z) => {
    if (s.length !== plane)
      throw analysisError('shape-mismatch', `Slice ${z + 1} is not ${width}x${height}.`);
    values.set(s, z * plane);
  });
  const stack: SliceRoi[] = [];
  job.shapes.forEach((shape, z) => shape && stack.push({ z, shape }));
  const dims = [width, height, slices.length] as const;
  const mask = roiStackMask(stack, dims);
  const roi = { values, mask, dims, spacingMm: job.spacingMm };
  const set = computeFeatures(roi, job.params, job.families);
  return { ...set, histogram: roiHistogram(values, mask, job.histogramBins) };
}
