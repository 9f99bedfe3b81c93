// A queued series that used up its retries: its last reason, written by the worker to
// <out>/failed/<key>.json (beside series/, never in it: a series record means "done", and a
// resubmitted or retried series must still run). The run views (`consilium serve`) and
// `cohort status` read it, so a cohort whose worker gave up on a series shows it failed, with
// why, instead of waiting for it forever.
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Job } from 'bullmq';
import { problemOf } from '../../core/result.ts';
import {
  failedFolder,
  seriesRecordText,
  writeAtomic,
  type SeriesRecordFile,
} from '../io/resultsDir.ts';
import type { SeriesJob } from './queue.ts';

export { failedFolder };

const pathOf = (out: string, key: string) => join(out, failedFolder, `${key}.json`);

export interface GaveUp {
  readonly out: string;
  readonly key: string;
  readonly series: string;
  readonly file: string;
  readonly attempts: number;
}

/** Records why a series failed for good, as a one-record file of its results' shape. */
export async function writeFailureRecord(g: GaveUp, error: unknown): Promise<void> {
  const p = problemOf(error, 'analysis-failed');
  const record = {
    ok: false,
    error: {
      code: 'series-failed',
      reason: p.reason,
      params: { series: g.series, file: g.file, attempts: g.attempts, cause: p.code },
    },
  };
  await mkdir(join(g.out, failedFolder), { recursive: true });
  await writeAtomic(pathOf(g.out, g.key), seriesRecordText(g.key, g.series, [record]));
}

/** A series computed after all (retried by hand): its failure no longer stands. */
export function clearFailureRecord(out: string, key: string): Promise<void> {
  return rm(pathOf(out, key), { force: true });
}

/** The failure records of a results folder (few: read each time, as they may be cleared). */
export async function readFailureRecords(out: string): Promise<SeriesRecordFile[]> {
  const names = (await readdir(join(out, failedFolder)).catch(() => [] as string[]))
    .filter((n) => n.endsWith('.json'))
    .sort();
  const files: SeriesRecordFile[] = [];
  for (const n of names) {
    const text = await readFile(join(out, failedFolder, n), 'utf8').catch(() => null);
    if (text === null) continue;
    try {
      files.push(JSON.parse(text) as SeriesRecordFile);
    } catch {
      // a file being replaced: read on the next call
    }
  }
  return files;
}

/** The failure record of one series, if its worker gave up on it. */
export async function readFailureRecord(
  out: string,
  key: string,
): Promise<SeriesRecordFile | null> {
  const text = await readFile(pathOf(out, key), 'utf8').catch(() => null);
  return text === null ? null : (JSON.parse(text) as SeriesRecordFile);
}

/** Runs a series job's work: on its last attempt's failure the failure record is written
 * (then the error goes on to BullMQ); on success a stale one is removed. */
export async function recordingFailure<T>(job: Job<SeriesJob>, work: () => Promise<T>): Promise<T> {
  const { out, key, task } = job.data;
  try {
    const value = await work();
    await clearFailureRecord(out, key);
    return value;
  } catch (e) {
    const attempts = job.attemptsMade + 1;
    if (attempts >= (job.opts.attempts ?? 1))
      await writeFailureRecord(
        {
          out,
          key,
          series: task.series.uid,
          file: task.series.files[0]?.file ?? task.series.uid,
          attempts,
        },
        e,
      );
    throw e;
  }
}
