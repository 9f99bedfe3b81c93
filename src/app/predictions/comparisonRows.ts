// Two models side by side on one series: one row per image both have classified, the images
// where their predicted labels differ first, then in stack order.
import type { StoredPrediction } from '../store/predictionsSlice.ts';
import type { ImagePrediction } from './seriesPredictions.ts';

export interface ComparisonRow {
  readonly index: number;
  readonly a: StoredPrediction;
  readonly b: StoredPrediction;
  readonly agree: boolean;
}

export function comparisonRows(
  a: readonly ImagePrediction[],
  b: readonly ImagePrediction[],
): ComparisonRow[] {
  const byIndex = new Map(b.map((x) => [x.index, x.prediction]));
  const rows: ComparisonRow[] = [];
  for (const x of a) {
    const other = byIndex.get(x.index);
    if (other)
      rows.push({
        index: x.index,
        a: x.prediction,
        b: other,
        agree: x.prediction.predicted === other.predicted,
      });
  }
  return rows.sort((r, s) => Number(r.agree) - Number(s.agree) || r.index - s.index);
}
