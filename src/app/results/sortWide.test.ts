import { describe, expect, it } from 'vitest';
import type { FeatureColumn, WideRow } from './resultTables.ts';
import { filterColumns, filterRows, sortWideRows, transpose } from './sortWide.ts';

const row = (key: string, series: string, value: number | undefined, slice: number | null) =>
  ({
    key,
    ids: { series, roi: 'whole', slice, series_uid: key, patient_id: '', study_uid: '' },
    values: value === undefined ? {} : { 'glcm.8ZQL': value },
  }) as unknown as WideRow;

const rows = [row('a', 'Lateral', 3, 2), row('b', 'PA', NaN, null), row('c', 'AP', -1, 10)];

describe('wide results table', () => {
  it('sorts a feature numerically with NaN and missing values last both ways', () => {
    const withMissing = [...rows, row('d', 'X', undefined, 1)];
    expect(
      sortWideRows(withMissing, { column: 'glcm.8ZQL', descending: false }).map((r) => r.key),
    ).toEqual(['c', 'a', 'b', 'd']);
    expect(
      sortWideRows(withMissing, { column: 'glcm.8ZQL', descending: true }).map((r) => r.key),
    ).toEqual(['a', 'c', 'b', 'd']);
  });

  it('sorts slices as numbers (2 before 10) and names as text', () => {
    expect(sortWideRows(rows, { column: 'slice', descending: false }).map((r) => r.key)).toEqual([
      'a',
      'c',
      'b',
    ]);
    expect(sortWideRows(rows, { column: 'series', descending: false }).map((r) => r.key)).toEqual([
      'c',
      'a',
      'b',
    ]);
  });

  it('filters features by family and by name or IBSI code, cases by text', () => {
    const columns = [
      {
        id: 'glcm.8ZQL.3D_AVG',
        family: 'glcm',
        ibsiCode: '8ZQL',
        aggregation: '3D_AVG',
        name: 'Joint maximum',
        unit: '',
      },
      {
        id: 'intensity-statistics.Q4LE',
        family: 'intensity-statistics',
        ibsiCode: 'Q4LE',
        aggregation: '',
        name: 'Mean intensity',
        unit: 'HU',
      },
    ] as FeatureColumn[];
    expect(filterColumns(columns, 'glcm', '')).toHaveLength(1);
    expect(filterColumns(columns, '', 'q4le')[0].name).toBe('Mean intensity');
    expect(filterColumns(columns, '', 'joint')[0].ibsiCode).toBe('8ZQL');
    expect(filterRows(rows, 'lat').map((r) => r.key)).toEqual(['a']);
  });
});

it('turns the table round: a row per feature, a column per case, the same values', () => {
  const columns = [
    {
      id: 'glcm.8ZQL',
      family: 'glcm',
      ibsiCode: '8ZQL',
      aggregation: '',
      name: 'Joint maximum',
      unit: '',
    },
  ] as FeatureColumn[];
  const turned = transpose(rows, columns);
  expect(turned.rows).toHaveLength(1);
  expect(turned.columns.map((c) => c.id)).toEqual(['a', 'b', 'c']);
  expect(turned.rows[0].ids.series).toBe('Joint maximum');
  expect(turned.rows[0].values).toEqual({ a: 3, b: NaN, c: -1 });
});
