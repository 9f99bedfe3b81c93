// The panel's settings as the core's FeatureParams, and the keys results are cached under.
import type { FeatureParams } from '../../core/analysis/params.ts';
import { jobKey } from '../../core/analysis/jobs/jobKey.ts';
import type { AnalysisSettings } from './types.ts';

export function featureParams(s: AnalysisSettings): FeatureParams {
  return {
    discretisation:
      s.binning === 'bin-count'
        ? { kind: 'bin-count', binCount: s.binCount }
        : { kind: 'bin-width', binWidth: s.binWidth },
    ...(s.resegment ? { resegment: s.resegment } : {}),
    aggregation: s.aggregation,
    distance: s.distance,
    ngldmAlpha: 0,
  };
}

/** Same parameters and families give the same key, whatever order the user ticked them in. */
export function paramsKeyOf(s: AnalysisSettings): string {
  return jobKey({ params: featureParams(s), families: [...s.families].sort() });
}

/** 2D aggregations give one result per slice; 2.5D and 3D one per ROI volume. */
export function isPerSlice(s: AnalysisSettings): boolean {
  return s.aggregation.startsWith('2d');
}
