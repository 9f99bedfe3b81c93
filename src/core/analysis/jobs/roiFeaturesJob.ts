// One analysis job: a stack of slices in modality values and a ROI shape per slice -> IBSI features and the
// ROI's intensity histogram. What the analysis worker runs; Node can run the same call. The ROI
// goes through the CLI's one ROI → processed → features step (core/pipeline/roiFeatures).
import { processRoi, roiFeatures } from '../../pipeline/roiFeatures';
import type { FeatureOverrides, FeatureSet } from '../computeFeatures';
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
  /** DICOM modality: CT is rounded to whole HU after interpolation, as the CLI does. */
  modality?: string;
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

/** The job's ROI as the features see it: resampled when the parameters say so. */
export function processedRoiOfJob(job: RoiFeaturesJob): RoiVolume {
  return processRoi(roiOfJob(job), job.params, job.modality);
}

export function runRoiFeaturesJob(
  job: RoiFeaturesJob,
  overrides?: FeatureOverrides,
  processed: RoiVolume = processedRoiOfJob(job),
): RoiFeaturesResult {
  const { params, modality, families } = job;
  const {
    dims: _d,
    spacingMm: _s,
    ...set
  } = roiFeatures(processed, params, {
    modality,
    families,
    processed,
    ...(overrides ? { overrides } : {}),
  });
  // Only the mask's voxels count, so the box around it gives the same histogram.
  const box = cropToMask(processed).roi;
  return { ...set, histogram: roiHistogram(box.values, box.mask, job.histogramBins) };
}
