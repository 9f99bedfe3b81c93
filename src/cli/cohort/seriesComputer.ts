// Where a command's series are computed: in process for one job, else in a pool of worker threads
// (each thread loads its series' files itself, so only file locations cross threads).
import { problemOf } from '../../core/result.ts';
import { ThreadPool } from '../workerPool.ts';
import { runPooledSeriesTask, runSeriesTask, type SeriesTask } from './seriesTask.ts';

export interface SeriesComputer {
  compute(task: SeriesTask): Promise<unknown[]>;
  close(): Promise<void>;
}

export function seriesComputer(
  jobs: number,
  /** What a series whose thread crashed gives (its error record). */
  crashed: (task: SeriesTask, error: unknown) => unknown[],
): SeriesComputer {
  if (jobs === 1) return { compute: (task) => runSeriesTask(task), close: async () => {} };
  const pool = new ThreadPool<typeof runPooledSeriesTask>(
    new URL('./seriesWorker.ts', import.meta.url),
    jobs,
  );
  return {
    compute: (task) => pool.run(task).catch((e: unknown) => crashed(task, e)),
    close: () => pool.close(),
  };
}

/** An error record for a series that stopped its thread (out of memory, a native crash). */
export function crashRecord(task: SeriesTask, error: unknown): unknown[] {
  const file = task.series.files[0]?.file ?? task.series.uid;
  return [{ ok: false, error: { ...problemOf(error, 'analysis-failed'), params: { file } } }];
}
