// Sorting and filtering the wide results table: rows by any column (numbers numerically, a
// missing or NaN value last either way), feature columns by family and by name or IBSI code.
import type { FeatureColumn, IdColumn, WideRow } from './resultTables.ts';

export interface WideSort {
  /** An identifying column or a feature column's id. */
  column: string;
  descending: boolean;
}

const idSet = new Set<string>([
  'series_uid',
  'series',
  'patient_id',
  'study_uid',
  'roi',
  'slice',
  'settings_hash',
  'roi_voxels',
]);

function cellOf(row: WideRow, column: string): string | number | null | undefined {
  return idSet.has(column) ? row.ids[column as IdColumn] : row.values[column];
}

const missing = (v: unknown) => v === null || v === undefined || Number.isNaN(v);

export function sortWideRows(rows: readonly WideRow[], sort: WideSort | null): WideRow[] {
  if (!sort) return [...rows];
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = cellOf(a, sort.column);
    const y = cellOf(b, sort.column);
    if (missing(x) || missing(y)) return missing(x) ? (missing(y) ? 0 : 1) : -1;
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
    return sign * String(x).localeCompare(String(y), undefined, { numeric: true });
  });
}

export function filterColumns(
  columns: readonly FeatureColumn[],
  family: string,
  text: string,
): FeatureColumn[] {
  const needle = text.trim().toLowerCase();
  return columns.filter(
    (c) =>
      (!family || c.family === family) &&
      (!needle ||
        c.name.toLowerCase().includes(needle) ||
        c.ibsiCode.toLowerCase().includes(needle) ||
        c.id.toLowerCase().includes(needle)),
  );
}

export function filterRows(rows: readonly WideRow[], text: string): WideRow[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [...rows];
  return rows.filter((r) =>
    [r.ids.series, r.ids.roi, r.ids.patient_id, r.ids.series_uid].some((v) =>
      String(v ?? '')
        .toLowerCase()
        .includes(needle),
    ),
  );
}

/**
 * The same table turned round: a row per feature (named in the identifying cells: name,
 * aggregation, family) and a column per case, for reading one case's features down a column.
 */
export function transpose(
  rows: readonly WideRow[],
  columns: readonly FeatureColumn[],
): { rows: WideRow[]; columns: FeatureColumn[] } {
  return {
    rows: columns.map((c) => ({
      key: c.id,
      ids: {
        series_uid: c.id,
        series: c.name,
        patient_id: '',
        study_uid: '',
        roi: c.aggregation,
        slice: c.family,
        settings_hash: '',
        roi_voxels: null,
      },
      values: Object.fromEntries(
        rows.flatMap((r) => (c.id in r.values ? [[r.key, r.values[c.id]]] : [])),
      ),
    })),
    columns: rows.map((r) => ({
      id: r.key,
      family: '',
      ibsiCode: String(r.ids.series_uid),
      aggregation: r.ids.slice === null ? '' : `#${r.ids.slice}`,
      name: `${r.ids.series} · ${r.ids.roi}`,
      unit: '',
    })),
  };
}
