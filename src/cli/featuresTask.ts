// One ROI's features, computed where it runs (in process or in a worker). Failures come back as
// plain data, so both paths give the same error records.
import { computeFeatures, type FeatureSet } from '../core/analysis/computeFeatures.ts';
import type { FeatureParams } from '../core/analysis/params.ts';
import type { RoiVolume } from '../core/analysis/volume.ts';

export interface FeaturesTask {
  roi: RoiVolume;
  params: FeatureParams;
}

export type FeaturesOutcome =
  { ok: true; set: FeatureSet } | { ok: false; code: string; reason: string };

export function runFeaturesTask({ roi, params }: FeaturesTask): FeaturesOutcome {
  try {
    return { ok: true, set: computeFeatures(roi, params) };
  } catch (e) {
    const err = e as { code?: string; reason?: string };
    return { ok: false, code: err.code ?? 'analysis-failed', reason: err.reason ?? String(e) };
  }
}
