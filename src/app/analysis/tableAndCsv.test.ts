import { describe, expect, it } from 'vitest';
import type { FeatureValue } from '../../core/analysis/computeFeatures.ts';
import { defaultParams } from '../../core/analysis/params.ts';
import { featuresCsv } from './featuresCsv.ts';
import { displayUnit, formatValue } from './formatValue.ts';
import { sortRows } from './sortRows.ts';
import type { AnalysisResult } from './types.ts';

const f = (name: string, value: number, unit = ''): FeatureValue => ({
  family: 'intensity-statistics',
  name,
  ibsiCode: name.toUpperCase().slice(0, 4),
  unit,
  aggregation: '',
  value,
});

describe('feature table and CSV', () => {
  it('values show six significant digits', () => {
    expect(formatValue(1234.56789)).toBe('1234.57');
    expect(formatValue(0.000123456789)).toBe('0.000123457');
    expect(formatValue(NaN)).toBe('NaN');
    expect(displayUnit('I^2', 'CT')).toBe('HU^2');
    expect(displayUnit('I', 'MR')).toBe('I');
  });

  it('sorts by value either way, NaN last', () => {
    const rows = [f('b', 2), f('a', NaN), f('c', -1)];
    expect(sortRows(rows, 'value', true).map((r) => r.name)).toEqual(['c', 'b', 'a']);
    expect(sortRows(rows, 'value', false).map((r) => r.name)).toEqual(['b', 'c', 'a']);
    expect(sortRows(rows, 'name', true).map((r) => r.name)).toEqual(['a', 'b', 'c']);
  });

  it('CSV has one row per feature with units and parameters, quoted where needed', () => {
    const result = {
      roiName: 'ROI, 1',
      slice: 3,
      roiVoxels: 80,
      params: defaultParams,
      features: [f('mean', -12.5, 'I')],
    } as unknown as AnalysisResult;
    const lines = featuresCsv([result], 'CT').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1].startsWith('"ROI, 1",3,intensity-statistics,mean,MEAN,,-12.5,HU,80,')).toBe(
      true,
    );
    // A ROI name that starts like a formula is written as text.
    const formula = featuresCsv([{ ...result, roiName: '=HYPERLINK("x")' }], 'CT').split('\n');
    expect(formula[1].startsWith('"\'=HYPERLINK(""x"")",3,')).toBe(true);
  });
});
