import { describe, expect, it } from 'vitest';
import { parseStudyCsv } from './studyCsv.ts';

describe('study CSV', () => {
  const csv = [
    'caseKey,center,roi,label,glcm joint max [GYBY],energy',
    'a,A,tumour,benign,1.5,2',
    'b,A,tumour,malignant,2.5,3',
    'c,B,tumour,benign,0.5,1e-3',
  ].join('\n');

  it('reads cases, centers, two labels and features with their IBSI codes', () => {
    const s = parseStudyCsv(csv);
    expect(s.labels).toEqual(['benign', 'malignant']);
    expect(Array.from(s.y)).toEqual([0, 1, 0]);
    expect(s.centerNames).toEqual(['A', 'B']);
    expect(Array.from(s.centers)).toEqual([0, 0, 1]);
    expect(s.features).toEqual([{ name: 'glcm joint max', ibsi: 'GYBY' }, { name: 'energy' }]);
    expect(Array.from(s.x.data)).toEqual([1.5, 2, 2.5, 3, 0.5, 1e-3]);
    expect(parseStudyCsv(csv, 'benign').y[0]).toBe(1);
  });

  it('refuses one label, a missing value and missing columns, naming the case', () => {
    expect(() => parseStudyCsv('case,center,label,f\na,A,x,1\nb,A,x,2')).toThrow(
      /exactly two labels/,
    );
    expect(() => parseStudyCsv('case,center,label,f\na,A,x,1\nb,A,y,')).toThrow(
      /Case "b" has no number/,
    );
    expect(() => parseStudyCsv('case,label,f\na,x,1')).toThrow(/center column/);
  });
});
