// `consilium features --filter SPEC`: the record of one ROI's features on a filtered image,
// beside the unfiltered record. The record names its filter (`filter`, the canonical spec) and
// so does every feature, so a feature's identity is its IBSI code and its filter, and filtered
// values never stand in for the image's own.
import type { FeatureValue } from '../core/analysis/computeFeatures.ts';
import type { FamilyId } from '../core/analysis/featureDef.ts';
import type { FeatureParams } from '../core/analysis/params.ts';
import type { RoiVolume } from '../core/analysis/volume.ts';
import { filteredRoiFeatures } from '../core/filters/filteredFeatures.ts';
import { parseFilterSpec } from '../core/filters/spec.ts';
import type { FilterSpec } from '../core/filters/types.ts';
import { ok, problemOf, ProblemError, type Result } from '../core/result.ts';
import { UsageError } from './io/commandArgs.ts';
import { featureSettingsFrom, type FeatureOptionValues } from './io/featureOptions.ts';

/** --filter values parsed; a bad one is a usage error naming it. */
export function filtersOf(texts: readonly string[] | undefined): FilterSpec[] | undefined {
  if (!texts || texts.length === 0) return undefined;
  return texts.map((t) => {
    try {
      return parseFilterSpec(t);
    } catch (e) {
      if (!(e instanceof ProblemError)) throw e;
      throw new UsageError(`--filter ${t}: ${e.reason}`, e.code, e.params);
    }
  });
}

/** --filter values, else the params file's "filters"; each checked, a bad one a usage error. */
export function filtersFrom(v: { filter?: string[] } & FeatureOptionValues): {
  filters?: FilterSpec[];
} {
  const filters = filtersOf(v.filter ?? featureSettingsFrom(v).filters);
  return filters ? { filters } : {};
}

export function filteredRecord(
  settings: { params: FeatureParams; families?: readonly FamilyId[] },
  modality: string,
  roi: RoiVolume,
  spec: FilterSpec,
  where: Record<string, unknown> & { file: string },
): Result<{ file: string; roiVoxels: number; features: FeatureValue[]; [key: string]: unknown }> {
  try {
    const set = filteredRoiFeatures(roi, settings.params, spec, {
      modality,
      ...(settings.families ? { families: settings.families } : {}),
    });
    return ok({
      ...where,
      filter: set.filter,
      modality,
      dims: roi.dims,
      spacingMm: roi.spacingMm,
      ...(set.params.resample ? { resampled: { dims: set.dims, spacingMm: set.spacingMm } } : {}),
      params: set.params,
      roiVoxels: set.roiVoxels,
      // A response is not in the image's unit (HU): its unit is the filter's response.
      features: set.features.map((f) => ({ ...f, unit: f.unit.replace('I', 'response') })),
    });
  } catch (e) {
    const p = problemOf(e, 'analysis-failed');
    return {
      ok: false,
      error: { ...p, params: { ...p.params, file: where.file, filter: spec.filter } },
    };
  }
}
