import type { FeatureValue } from '../../core/analysis/computeFeatures.ts';

export type SortKey = 'family' | 'name' | 'ibsiCode' | 'value' | 'unit';

/** Rows sorted by one column; NaN values go last whatever the direction. */
export function sortRows(
  rows: readonly FeatureValue[],
  key: SortKey,
  ascending: boolean,
): FeatureValue[] {
  const dir = ascending ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (key === 'value') {
      if (Number.isNaN(a.value)) return Number.isNaN(b.value) ? 0 : 1;
      if (Number.isNaN(b.value)) return -1;
      return (a.value - b.value) * dir;
    }
    return a[key].localeCompare(b[key]) * dir;
  });
}
