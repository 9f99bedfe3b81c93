// A settings file: every choice that makes a feature set, as one plain object whose keys mirror
// the `params` of every result (so a result's params is itself a settings file), plus the
// choices that are not parameters of the values (families, per slice, structures).
import type { Discretisation, ResegmentRange } from '../discretise.ts';
import type { FamilyId } from '../featureDef.ts';
import {
  defaultMaskThreshold,
  defaultParams,
  type FeatureParams,
  type Interpolation,
} from '../params.ts';
import type { DirectionalAggregation } from '../texture/aggregate.ts';

/** The file as docs/params.schema.json describes it (JSON or YAML). */
export interface SettingsFile {
  $schema?: string;
  resample?: { spacingMm: number[]; interpolation?: Interpolation; maskThreshold?: number };
  resegment?: ResegmentRange;
  outliers?: number;
  discretisation?: Discretisation;
  ivhDiscretisation?: Discretisation;
  families?: FamilyId[];
  aggregation?: DirectionalAggregation;
  distance?: number;
  ngldmAlpha?: number;
  perSlice?: boolean;
  structure?: string[];
  /** IBSI 2 filter specs (docs/filters.md). */
  filters?: string[];
  /** What a result was computed on; read, never applied. */
  roi?: Record<string, unknown>;
}

/** The file's meaning: the core's parameters and the run's other choices. */
export interface FeatureSettings {
  params: FeatureParams;
  /** Absent: every family. */
  families?: FamilyId[];
  perSlice?: boolean;
  /** Absent: every structure of the mask. */
  structures?: string[];
  /** IBSI 2 filter specs, canonical (filterLabel); absent: no filtered results. */
  filters?: string[];
}

/** A schema-valid file as settings, absent keys from the core defaults. */
export function settingsOfFile(file: SettingsFile): FeatureSettings {
  const params: FeatureParams = { ...defaultParams };
  if (file.discretisation) params.discretisation = file.discretisation;
  if (file.ivhDiscretisation) params.ivhDiscretisation = file.ivhDiscretisation;
  if (file.resegment) params.resegment = [file.resegment[0], file.resegment[1]];
  if (file.outliers !== undefined) params.outliers = file.outliers;
  if (file.resample)
    params.resample = {
      spacingMm: [...file.resample.spacingMm],
      interpolation: file.resample.interpolation ?? 'linear',
      maskThreshold: file.resample.maskThreshold ?? defaultMaskThreshold,
    };
  if (file.aggregation) params.aggregation = file.aggregation;
  if (file.distance !== undefined) params.distance = file.distance;
  if (file.ngldmAlpha !== undefined) params.ngldmAlpha = file.ngldmAlpha;
  return {
    params,
    ...(file.families ? { families: [...file.families] } : {}),
    ...(file.perSlice !== undefined ? { perSlice: file.perSlice } : {}),
    ...(file.structure ? { structures: [...file.structure] } : {}),
    ...(file.filters ? { filters: [...file.filters] } : {}),
  };
}

/** Settings as the file that reads back to them: every parameter written out, so the file
 * still means the same if a default changes. */
export function fileOfSettings(s: FeatureSettings): SettingsFile {
  const p = s.params;
  return {
    ...(p.resample
      ? {
          resample: {
            spacingMm: [...p.resample.spacingMm],
            interpolation: p.resample.interpolation,
            maskThreshold: p.resample.maskThreshold,
          },
        }
      : {}),
    ...(p.resegment ? { resegment: [p.resegment[0], p.resegment[1]] as const } : {}),
    ...(p.outliers !== undefined ? { outliers: p.outliers } : {}),
    discretisation: p.discretisation,
    ...(p.ivhDiscretisation ? { ivhDiscretisation: p.ivhDiscretisation } : {}),
    ...(s.families ? { families: [...s.families] } : {}),
    aggregation: p.aggregation,
    distance: p.distance,
    ngldmAlpha: p.ngldmAlpha,
    ...(s.perSlice ? { perSlice: true } : {}),
    ...(s.structures?.length ? { structure: [...s.structures] } : {}),
    ...(s.filters?.length ? { filters: [...s.filters] } : {}),
  };
}
