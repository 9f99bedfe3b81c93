import { describe, expect, it } from 'vitest';
import type { AnalysisResult, Roi } from '../analysis/types.ts';
import { resultChanges, roiChanges } from './usePersistedAnalysis.ts';

const roi = (id: string): Roi => ({ id, name: id, seriesUID: '1.2', shapes: {} });
const result = (key: string) => ({ key }) as AnalysisResult;

describe('analysis changes written to IndexedDB', () => {
  it('writes new and changed ROIs, deletes removed ones by id', () => {
    const a = roi('roi-1');
    const b = roi('roi-2');
    const b2 = { ...b, name: 'renamed' };
    expect(roiChanges([a, b], [a, b2, roi('roi-3')])).toEqual([b2, roi('roi-3')]);
    expect(roiChanges([a, b], [b])).toEqual(['roi-1']);
    expect(roiChanges([a], [a])).toEqual([]);
  });

  it('writes only results that are new or replaced', () => {
    const r1 = result('k1');
    const r2 = result('k2');
    expect(resultChanges({ k1: r1 }, { k1: r1, k2: r2 })).toEqual([r2]);
    const r1b = result('k1');
    expect(resultChanges({ k1: r1 }, { k1: r1b })).toEqual([r1b]);
  });
});
