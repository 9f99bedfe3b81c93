// A filtered-feature reply as an Analysis result: its own key (the filter and families are part
// of it) and a ROI name and parameters that carry the filter, so it sits beside the unfiltered
// result of the same ROI in the results list, the CSV and bundles, never in its place.
import type { FamilyId } from '../../../core/analysis/featureDef.ts';
import { jobKey } from '../../../core/analysis/jobs/jobKey.ts';
import { filteredRoiName, paramsWithFilter } from '../../../core/filters/filteredFeatures.ts';
import type { FilteredFeaturesReply } from '../../../workers/filterJob.ts';
import type { PlannedJob } from '../planJobs.ts';
import type { AnalysisResult } from '../types.ts';

export function filteredResult(
  job: Pick<PlannedJob, 'seriesUID' | 'roiName' | 'roiKey' | 'paramsKey'>,
  reply: FilteredFeaturesReply,
  families: readonly FamilyId[],
): AnalysisResult {
  const { seriesUID, roiKey, paramsKey } = job;
  return {
    key: jobKey({ at: seriesUID, roiKey, paramsKey, filter: reply.filter, families }),
    seriesUID,
    position: '',
    slice: 0,
    roiName: filteredRoiName(job.roiName, reply.filter),
    roiKey,
    paramsKey,
    params: paramsWithFilter(reply.params, reply.filter),
    roiVoxels: reply.roiVoxels,
    features: reply.features,
    histogram: reply.histogram,
  };
}
