// The results window's exports: CSV (by the bundle CSVs' rule, so a ROI named "=1+1" is never
// run by a spreadsheet) and Parquet (hyparquet-writer: pure JavaScript, no WASM to fetch, so it
// works offline under the page's CSP), each in the long and the wide form.
import { parquetWriteBuffer, type ColumnSource } from 'hyparquet-writer';
import { renderCsv, type CsvValue } from '../../core/bundle/csv.ts';
import { idColumns, longColumns, type LongRow, type WideTable } from './resultTables.ts';

export type TableForm = 'long' | 'wide';
export type FileFormat = 'csv' | 'parquet';

export function longCsv(rows: readonly LongRow[]): string {
  return renderCsv({
    header: longColumns,
    rows: rows.map((r) => longColumns.map((c) => r[c] as CsvValue)),
  });
}

export function wideCsv(table: WideTable): string {
  return renderCsv({
    header: [...idColumns, ...table.columns.map((c) => c.id)],
    rows: table.rows.map((r) => [
      ...idColumns.map((c) => r.ids[c]),
      ...table.columns.map((c) => r.values[c.id]),
    ]),
  });
}

const intColumns = new Set(['slice', 'roi_voxels']);

export function longParquet(rows: readonly LongRow[]): ArrayBuffer {
  const columnData: ColumnSource[] = longColumns.map((name) => ({
    name,
    data: rows.map((r) => r[name]),
    type: name === 'value' ? 'DOUBLE' : intColumns.has(name) ? 'INT32' : 'STRING',
  }));
  return parquetWriteBuffer({ columnData });
}

export function wideParquet(table: WideTable): ArrayBuffer {
  const columnData: ColumnSource[] = [
    ...idColumns.map((name): ColumnSource => ({
      name,
      data: table.rows.map((r) => r.ids[name]),
      type: intColumns.has(name) ? 'INT32' : 'STRING',
    })),
    // A feature not computed for a row is null; NaN stays NaN (computed, undefined value).
    ...table.columns.map((c): ColumnSource => ({
      name: c.id,
      data: table.rows.map((r) => r.values[c.id] ?? null),
      type: 'DOUBLE',
    })),
  ];
  return parquetWriteBuffer({ columnData });
}

/** Characters a file name keeps; the rest become "_". */
const safe = (s: string) =>
  s
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);

/**
 * "features-<series>-<settings hash>-<form>.<ext>": the series' name (or "N-series"), and the
 * settings hash (or "mixed" when the results were made with several settings), so two exports
 * of different series or settings never overwrite each other.
 */
export function exportFileName(
  seriesNames: readonly string[],
  hashes: readonly string[],
  form: TableForm,
  format: FileFormat,
): string {
  const series = new Set(seriesNames);
  const settings = new Set(hashes);
  const what = series.size === 1 ? safe([...series][0]) || 'series' : `${series.size}-series`;
  const how = settings.size === 1 ? [...settings][0] : 'mixed';
  return `features-${what}-${how}-${form}.${format}`;
}
