// The Parquet view's filter and pivot over a run's long table: the rows a filter keeps, and each
// value landing in its series' row and its feature's (code, aggregation, image filter) column.
import { describe, expect, it } from 'vitest';
import type { ResultColumns } from '../../core/cohort/resultColumns.ts';
import { matchingRows, pivotOf } from './resultViews.ts';

type Row = [series: string, code: string, name: string, filter: string, value: number];

function columnsOf(rows: Row[]): ResultColumns {
  return {
    length: rows.length,
    series: rows.map((r) => r[0]),
    roi: rows.map(() => 'whole'),
    slice: new Int32Array(rows.length).fill(-1),
    family: rows.map((r) => (r[1] === 'Q4LE' ? 'intensity-statistics' : 'glcm')),
    ibsiCode: rows.map((r) => r[1]),
    name: rows.map((r) => r[2]),
    aggregation: rows.map(() => ''),
    filter: rows.map((r) => r[3]),
    unit: rows.map(() => ''),
    value: Float64Array.from(rows.map((r) => r[4])),
  };
}

const table = columnsOf([
  ['1.2.2', 'GYBY', 'Joint maximum', '', NaN],
  ['1.2.1', 'Q4LE', 'Mean intensity', '', -60.5],
  ['1.2.1', 'GYBY', 'Joint maximum', '', 0.25],
  ['1.2.1', 'Q4LE', 'Mean intensity', 'log', 3.5],
  ['1.2.2', 'Q4LE', 'Mean intensity', '', -57],
]);

describe('the Parquet view of a run', () => {
  it('keeps the rows whose code, name, family, filter or series match, case-blind', () => {
    expect([...matchingRows(table, '')]).toEqual([0, 1, 2, 3, 4]);
    expect([...matchingRows(table, 'q4le')]).toEqual([1, 3, 4]);
    expect([...matchingRows(table, 'joint')]).toEqual([0, 2]);
    expect([...matchingRows(table, 'GLCM')]).toEqual([0, 2]);
    expect([...matchingRows(table, 'log')]).toEqual([3]);
    expect([...matchingRows(table, '1.2.2')]).toEqual([0, 4]);
  });

  it('keeps values within a range, a missing value within none, with a text or without', () => {
    expect([...matchingRows(table, '', -60, null)]).toEqual([2, 3, 4]);
    expect([...matchingRows(table, '', null, 0.25)]).toEqual([1, 2, 4]);
    expect([...matchingRows(table, 'q4le', -58, 3.5)]).toEqual([3, 4]);
    expect([...matchingRows(table, '', 1, 0)]).toEqual([]);
  });

  it('pivots series × feature, rows by series, a filtered response its own column, a missing value NaN', () => {
    const p = pivotOf(table, matchingRows(table, ''), 10);
    expect(p.columns.map((c) => [c.ibsiCode, c.filter])).toEqual([
      ['GYBY', ''],
      ['Q4LE', ''],
      ['Q4LE', 'log'],
    ]);
    expect(p.rows.map((r) => [r.series, ...r.values])).toEqual([
      ['1.2.1', 0.25, -60.5, 3.5],
      ['1.2.2', NaN, -57, NaN],
    ]);
    expect(p.columnsCut).toBe(false);
  });

  it('shows the first columns only, and says so, past the column limit', () => {
    const p = pivotOf(table, matchingRows(table, ''), 2);
    expect(p.columns).toHaveLength(2);
    expect(p.columnsCut).toBe(true);
    expect(p.rows.map((r) => [...r.values])).toEqual([
      [0.25, -60.5],
      [NaN, -57],
    ]);
  });
});
