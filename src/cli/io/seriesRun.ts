// Runs a command over indexed series as a stream: at most `jobs` series are loaded and computing
// at once (load → compute → write → free); each series' records are written to the results
// folder (when there is one) as soon as they are done, and handed on in input order. With
// `resume`, series whose records are already in the folder are read back, not computed.
import { Progress } from './progress.ts';
import { seriesRecordText, type ResultsDir, type SeriesRecordFile } from './resultsDir.ts';
import type { SeriesRef } from './seriesIndex.ts';

export interface SeriesRunOptions<R> {
  readonly label: string;
  readonly series: readonly SeriesRef[];
  readonly jobs: number;
  /** One series' records (plain data; never rejects for a bad series: errors are records). */
  readonly compute: (ref: SeriesRef) => Promise<R[]>;
  /** Where finished series are written; none streams to `emit` only. */
  readonly results?: ResultsDir;
  readonly resume?: boolean;
  /** Whether a series' records count as a failure (for the progress line). */
  readonly failed?: (records: readonly R[]) => boolean;
  /** Each series' records, in input order. */
  readonly emit: (ref: SeriesRef, records: R[]) => void | Promise<void>;
}

export async function runSeries<R>(o: SeriesRunOptions<R>): Promise<void> {
  const progress = new Progress(o.label, o.series.length, Boolean(o.results));
  const done = new Map<number, R[]>();
  let nextEmit = 0;
  let emitting = Promise.resolve();
  const flush = (): Promise<void> =>
    (emitting = emitting.then(async () => {
      while (done.has(nextEmit)) {
        const records = done.get(nextEmit)!;
        done.delete(nextEmit);
        await o.emit(o.series[nextEmit], records);
        nextEmit++;
      }
    }));

  const one = async (i: number): Promise<void> => {
    const ref = o.series[i];
    const key = o.results?.keyOf(ref.key);
    if (o.results && key && o.resume) {
      const stored = await o.results.read(key);
      if (stored !== null) {
        done.set(i, (JSON.parse(stored) as SeriesRecordFile<R>).records);
        progress.tick('skipped');
        return;
      }
    }
    let records = await o.compute(ref);
    if (o.results && key) {
      const text = seriesRecordText(key, ref.uid, records);
      await o.results.write(key, text);
      // Handed on as read back, so a fresh run and a resumed one give the same values.
      records = (JSON.parse(text) as SeriesRecordFile<R>).records;
    }
    done.set(i, records);
    progress.tick(o.failed?.(records) ? 'failed' : 'computed');
  };

  // `jobs` lanes take the next series in turn: a slow series holds one lane, not the others.
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < o.series.length) {
      await one(next++);
      await flush();
    }
  };
  const lanes = Array.from({ length: Math.max(1, Math.min(o.jobs, o.series.length)) }, lane);
  try {
    await Promise.all(lanes);
    await flush();
  } finally {
    progress.end();
  }
}
