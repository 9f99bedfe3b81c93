// What the Parquet view shows of a run's long table: the rows a filter keeps (by feature name,
// IBSI code, family or series, and value range), and the same rows as a series × feature pivot.
import type { ResultColumns } from '../../core/cohort/resultColumns.ts';
import type { FilteredRows } from '../../core/cohort/runViews.ts';

/** Row indices whose feature name, IBSI code, family, filter or series contain `text`, and whose
 * value is within [min, max] where a bound is given (a missing value is within none); the same
 * rule the server applies to a whole table (cli/cohort/tableFilter.ts). */
export function matchingRows(
  c: ResultColumns,
  text: string,
  min: number | null = null,
  max: number | null = null,
): Uint32Array {
  const f = text.trim().toLowerCase();
  if (!f && min === null && max === null)
    return Uint32Array.from({ length: c.length }, (_, i) => i);
  const keep: number[] = [];
  for (let i = 0; i < c.length; i++)
    if (
      (!f ||
        c.ibsiCode[i].toLowerCase().includes(f) ||
        c.name[i].toLowerCase().includes(f) ||
        c.family[i].toLowerCase().includes(f) ||
        c.filter[i].toLowerCase().includes(f) ||
        c.series[i].toLowerCase().includes(f)) &&
      (min === null || c.value[i] >= min) &&
      (max === null || c.value[i] <= max)
    )
      keep.push(i);
  return Uint32Array.from(keep);
}

/** The server's page of matching rows as columns the tables show. */
export function columnsOfFiltered(r: FilteredRows): ResultColumns {
  return {
    length: r.length,
    series: r.series,
    roi: r.roi,
    slice: Int32Array.from(r.slice, (s) => s ?? -1),
    family: r.family,
    ibsiCode: r.ibsiCode,
    name: r.name,
    aggregation: r.aggregation,
    filter: r.filter,
    unit: r.unit,
    value: Float64Array.from(r.value, (v) => v ?? NaN),
  };
}

/** One pivot column: a feature as computed (its code, aggregation and image filter). */
export interface PivotColumn {
  readonly key: string;
  readonly ibsiCode: string;
  readonly name: string;
  readonly filter: string;
  readonly aggregation: string;
  readonly unit: string;
}

/** One pivot row: a series' ROI (and slice, per slice). */
export interface PivotRow {
  readonly key: string;
  readonly series: string;
  readonly roi: string;
  readonly slice: number;
  /** By column index: the value, NaN where the table has none. */
  readonly values: Float64Array;
}

export interface Pivot {
  readonly columns: PivotColumn[];
  readonly rows: PivotRow[];
  /** More features matched than `maxColumns`: the first ones are shown. */
  readonly columnsCut: boolean;
}

/** The rows as series × feature: columns in first-seen order (the table's feature order), rows
 * by series, ROI and slice. */
export function pivotOf(c: ResultColumns, rows: Uint32Array, maxColumns: number): Pivot {
  const columnIndex = new Map<string, number>();
  const columns: PivotColumn[] = [];
  let columnsCut = false;
  for (const i of rows) {
    const key = `${c.ibsiCode[i]}\u0000${c.aggregation[i]}\u0000${c.filter[i]}`;
    if (columnIndex.has(key)) continue;
    if (columns.length >= maxColumns) {
      columnsCut = true;
      continue;
    }
    columnIndex.set(key, columns.length);
    columns.push({
      key,
      ibsiCode: c.ibsiCode[i],
      name: c.name[i],
      filter: c.filter[i],
      aggregation: c.aggregation[i],
      unit: c.unit[i],
    });
  }
  const rowIndex = new Map<string, PivotRow>();
  const out: PivotRow[] = [];
  for (const i of rows) {
    const col = columnIndex.get(`${c.ibsiCode[i]}\u0000${c.aggregation[i]}\u0000${c.filter[i]}`);
    if (col === undefined) continue;
    const key = `${c.series[i]}\u0000${c.roi[i]}\u0000${c.slice[i]}`;
    let row = rowIndex.get(key);
    if (!row) {
      row = {
        key,
        series: c.series[i],
        roi: c.roi[i],
        slice: c.slice[i],
        values: new Float64Array(columns.length).fill(NaN),
      };
      rowIndex.set(key, row);
      out.push(row);
    }
    row.values[col] = c.value[i];
  }
  // By series (the table's order is the records' content keys, meaningless to a reader).
  out.sort(
    (a, b) =>
      (a.series < b.series ? -1 : a.series > b.series ? 1 : 0) ||
      (a.roi < b.roi ? -1 : a.roi > b.roi ? 1 : 0) ||
      a.slice - b.slice,
  );
  return { columns, rows: out, columnsCut };
}
