// The panel's settings as the core's FeatureParams, and the keys results are cached under.
import type { ResegmentRange } from '../../core/analysis/discretise.ts';
import type { FeatureParams } from '../../core/analysis/params.ts';
import { jobKey } from '../../core/analysis/jobs/jobKey.ts';
import type { AnalysisSettings } from './types.ts';

/** Infinite bounds as null, as the CLI writes an open bound: the same settings give the same
 * parameter hash in both. */
function openBounds([lo, hi]: readonly [number, number]): ResegmentRange {
  return [Number.isFinite(lo) ? lo : null, Number.isFinite(hi) ? hi : null];
}

export function featureParams(s: AnalysisSettings): FeatureParams {
  return {
    discretisation:
      s.binning === 'bin-count'
        ? { kind: 'bin-count', binCount: s.binCount }
        : s.binning === 'bin-width'
          ? { kind: 'bin-width', binWidth: s.binWidth }
          : { kind: 'none' },
    ...(s.resegment ? { resegment: openBounds(s.resegment) } : {}),
    ...(s.outliers ? { outliers: s.outliers } : {}),
    ...(s.ivhDiscretisation ? { ivhDiscretisation: s.ivhDiscretisation } : {}),
    ...(s.resample ? { resample: s.resample } : {}),
    aggregation: s.aggregation,
    distance: s.distance,
    ngldmAlpha: s.ngldmAlpha ?? 0,
  };
}

/** Same parameters and families give the same key, whatever order the user ticked them in. */
export function paramsKeyOf(s: AnalysisSettings): string {
  return jobKey({ params: featureParams(s), families: [...s.families].sort() });
}

/** Every aggregation gives one result per ROI volume (2D texture is aggregated over its
 * slices); per slice only when asked for. */
export function isPerSlice(s: AnalysisSettings): boolean {
  return s.perSlice === true;
}
