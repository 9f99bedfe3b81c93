// One ROI's features, computed where it runs (in process or in a worker). Failures come back as
// plain data (a Result), so both paths give the same error records.
import { computeFeatures, type FeatureSet } from '../core/analysis/computeFeatures.ts';
import type { FeatureParams } from '../core/analysis/params.ts';
import type { RoiVolume } from '../core/analysis/volume.ts';
import { ok, problemOf, type Result } from '../core/result.ts';

export interface FeaturesTask {
  roi: RoiVolume;
  params: FeatureParams;
}

export type FeaturesOutcome = Result<FeatureSet>;

export function runFeaturesTask({ roi, params }: FeaturesTask): FeaturesOutcome {
  try {
    return ok(computeFeatures(roi, params));
  } catch (e) {
    return { ok: false, error: problemOf(e, 'analysis-failed') };
  }
}
