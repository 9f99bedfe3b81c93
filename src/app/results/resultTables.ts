// Analysis results as tables: the long form (one row per series × ROI × slice × feature ×
// aggregation × filter, the same columns as `consilium features --parquet`) and the wide form
// (one row per case: a series' ROI result, one column per feature), for the results window and
// its CSV / Parquet exports.
import { displayUnit } from '../analysis/formatValue.ts';
import type { AnalysisResult } from '../analysis/types.ts';

/** What a result's series is, for the identifying columns. */
export interface SeriesFacts {
  series: string;
  patientId: string;
  studyUid: string;
  modality: string;
}

export type FactsOf = (seriesUid: string) => SeriesFacts | undefined;

export interface LongRow {
  series_uid: string;
  series: string;
  patient_id: string;
  study_uid: string;
  roi: string;
  /** 1-based slice for a per-slice result; null for the whole ROI volume. */
  slice: number | null;
  family: string;
  ibsi_code: string;
  name: string;
  aggregation: string;
  /** Image filter the features were computed on; '' for the original image (the workbench
   * computes on the original image only). */
  filter: string;
  unit: string;
  value: number;
  roi_voxels: number;
  settings_hash: string;
}

/** The identifying columns of both forms, in order. */
export const idColumns = [
  'series_uid',
  'series',
  'patient_id',
  'study_uid',
  'roi',
  'slice',
  'settings_hash',
  'roi_voxels',
] as const;
export type IdColumn = (typeof idColumns)[number];

export const longColumns = [
  ...idColumns.slice(0, 6),
  'family',
  'ibsi_code',
  'name',
  'aggregation',
  'filter',
  'unit',
  'value',
  'roi_voxels',
  'settings_hash',
] as const satisfies readonly (keyof LongRow)[];

/** A feature column of the wide form. */
export interface FeatureColumn {
  /** Column name: family.IBSI code[.aggregation], e.g. "glcm.8ZQL.3D_AVG". */
  id: string;
  family: string;
  ibsiCode: string;
  aggregation: string;
  name: string;
  unit: string;
}

export interface WideRow {
  key: string;
  ids: Record<IdColumn, string | number | null>;
  /** Feature column id → value (absent: not computed for this result). */
  values: Record<string, number>;
}

export interface WideTable {
  columns: FeatureColumn[];
  rows: WideRow[];
}

/** The settings hash shown and written: the first 8 hex digits of the parameters' key. */
export const settingsHash = (r: Pick<AnalysisResult, 'paramsKey'>) => r.paramsKey.slice(0, 8);

/** A feature's wide-form column name. */
export const columnIdOf = (f: { family: string; ibsiCode: string; aggregation: string }) =>
  f.aggregation ? `${f.family}.${f.ibsiCode}.${f.aggregation}` : `${f.family}.${f.ibsiCode}`;

function idsOf(r: AnalysisResult, facts: FactsOf): Record<IdColumn, string | number | null> {
  const f = facts(r.seriesUID);
  return {
    series_uid: r.seriesUID,
    series: f?.series ?? '',
    patient_id: f?.patientId ?? '',
    study_uid: f?.studyUid ?? '',
    roi: r.roiName,
    slice: r.slice > 0 ? r.slice : null,
    settings_hash: settingsHash(r),
    roi_voxels: r.roiVoxels,
  };
}

export function longRows(results: readonly AnalysisResult[], facts: FactsOf): LongRow[] {
  const rows: LongRow[] = [];
  for (const r of results) {
    const ids = idsOf(r, facts);
    const modality = facts(r.seriesUID)?.modality ?? '';
    for (const f of r.features)
      rows.push({
        series_uid: r.seriesUID,
        series: ids.series as string,
        patient_id: ids.patient_id as string,
        study_uid: ids.study_uid as string,
        roi: r.roiName,
        slice: ids.slice as number | null,
        family: f.family,
        ibsi_code: f.ibsiCode,
        name: f.name,
        aggregation: f.aggregation,
        filter: '',
        unit: displayUnit(f.unit, modality),
        value: f.value,
        roi_voxels: r.roiVoxels,
        settings_hash: ids.settings_hash as string,
      });
  }
  return rows;
}

export function wideTable(results: readonly AnalysisResult[], facts: FactsOf): WideTable {
  const columns = new Map<string, FeatureColumn>();
  const rows: WideRow[] = [];
  for (const r of results) {
    const modality = facts(r.seriesUID)?.modality ?? '';
    const values: Record<string, number> = {};
    for (const f of r.features) {
      const id = columnIdOf(f);
      if (!columns.has(id))
        columns.set(id, {
          id,
          family: f.family,
          ibsiCode: f.ibsiCode,
          aggregation: f.aggregation,
          name: f.name,
          unit: displayUnit(f.unit, modality),
        });
      values[id] = f.value;
    }
    rows.push({ key: r.key, ids: idsOf(r, facts), values });
  }
  return { columns: [...columns.values()], rows };
}
