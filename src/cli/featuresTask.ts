// One ROI's features, computed where it runs (in process or in a worker): the core's one
// ROI → processed → features step. Failures come back as plain data (a Result), so both paths
// give the same error records.
import type { FeatureParams } from '../core/analysis/params.ts';
import type { RoiVolume } from '../core/analysis/volume.ts';
import { roiFeatures, type RoiFeatureSet } from '../core/pipeline/roiFeatures.ts';
import { ok, problemOf, type Result } from '../core/result.ts';

export interface FeaturesTask {
  roi: RoiVolume;
  params: FeatureParams;
  /** DICOM modality: CT is rounded to whole HU after interpolation. */
  modality: string;
}

export type FeaturesOutcome = Result<RoiFeatureSet>;

export function runFeaturesTask({ roi, params, modality }: FeaturesTask): FeaturesOutcome {
  try {
    return ok(roiFeatures(roi, params, { modality }));
  } catch (e) {
    return { ok: false, error: problemOf(e, 'analysis-failed') };
  }
}
