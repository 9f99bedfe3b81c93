// One series of one command, as plain data in and plain records out: the unit every path runs —
// in process (`--jobs 1`), in a worker thread of `--jobs N`, and in a `consilium worker` serving a
// cohort queue — so all of them give the same records for the same series and settings.
import { analyzeSeries, type AnalyzeSettings } from '../analyzeTask.ts';
import { featuresOfSeries, type FeaturesSettings } from '../featuresTask.ts';
import type { SeriesRef } from '../io/seriesIndex.ts';
import { inferSeries, type InferSettings } from './inferSeries.ts';

export type SeriesTask =
  | {
      readonly command: 'features';
      readonly settings: FeaturesSettings;
      readonly series: SeriesRef;
      /** Every image series of the run (an RTSTRUCT naming some applies to those only). */
      readonly imageUids: readonly string[];
      /** Threads a large ROI's families may be split over (spare --jobs); the same records. */
      readonly familyThreads?: number;
    }
  | {
      readonly command: 'analyze';
      readonly settings: AnalyzeSettings;
      readonly series: SeriesRef;
      /** Threads a large whole image's families may be split over (spare --jobs). */
      readonly familyThreads?: number;
    }
  | { readonly command: 'infer'; readonly settings: InferSettings; readonly series: SeriesRef };

export type SeriesCommand = SeriesTask['command'];

/** In a pool, one thread per task: the models run single-threaded there. */
export async function runSeriesTask(task: SeriesTask, threads?: number): Promise<unknown[]> {
  switch (task.command) {
    case 'features':
      return featuresOfSeries(task.settings, task.series, task.imageUids, task.familyThreads);
    case 'analyze':
      return [await analyzeSeries(task.settings, task.series, threads, task.familyThreads)];
    case 'infer':
      return inferSeries(task.settings, task.series, threads);
  }
}

/** The worker-thread entry's handler (seriesWorker.ts): models single-threaded. */
export function runPooledSeriesTask(task: SeriesTask): Promise<unknown[]> {
  return runSeriesTask(task, 1);
}
