// The series `consilium analyze` will compute: every input (folders, zips) indexed once — where
// each file lies and which series it belongs to, never its bytes — so series are read, computed
// and freed one at a time per job (analyzeTask.analyzeSeries).
import type { LabelledSeries } from '../core/pipeline/labelsCsv.ts';
import { indexSeries, type SeriesIndex, type SeriesRef } from './io/seriesIndex.ts';

export function analyzeSeriesIndex(paths: readonly string[]): Promise<SeriesIndex> {
  return indexSeries(paths, { notDicom: 'invalid-header' });
}

/** What the labels CSV matches a series by. */
export function labelledSeries(series: readonly SeriesRef[]): LabelledSeries[] {
  return series.map((s) => ({
    seriesInstanceUid: s.uid,
    ...s.study,
    ...(s.sopInstanceUids ? { sopInstanceUids: s.sopInstanceUids } : {}),
    files: s.files.map((f) => f.file),
  }));
}
