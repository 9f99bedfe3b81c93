// `consilium worker`: takes series jobs of cohorts from Redis (BullMQ) and computes each in its
// pool of worker threads — never on this thread, whose event loop must stay free to renew the
// jobs' locks (CPU work here would let a lock expire and the job run twice). Each series' records
// are written to the cohort's results folder by temp file + rename, the file named by the job id.
import { access } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker, type Job } from 'bullmq';
import { ProblemError } from '../core/result.ts';
import { takeCohortArgs } from './cohort/cohortArgs.ts';
import { clearFailureRecord, recordingFailure } from './cohort/failureRecord.ts';
import { connection, defaultQueue, type SeriesJob } from './cohort/queue.ts';
import type { runPooledSeriesTask } from './cohort/seriesTask.ts';
import { parseCommand, parseOrUsage, UsageError, wholeNumber } from './io/commandArgs.ts';
import { seriesRecordText, writeAtomic } from './io/resultsDir.ts';
import { readFile } from 'node:fs/promises';
import { ThreadPool } from './workerPool.ts';

const usage = `Usage: consilium worker --redis URL [--queue NAME] [--jobs N] [--lock-ms MS]

  Computes cohort series queued by \`consilium cohort submit\` until stopped (SIGINT/SIGTERM let
  running series finish). Run as many as you like, on as many machines as reach Redis and the
  cohort's files and results folder under the same paths.
  --jobs N       series computed at once, each in a worker thread (default: one per core)
  --lock-ms MS   how long a job's lock lasts without renewal (default 30000); a worker that dies
                 gives its series back to the queue after about this long
`;

interface WorkerArgs {
  redis: string;
  queue: string;
  jobs: number;
  lockMs: number;
}

function parse(argv: readonly string[]): WorkerArgs {
  const { cohort, rest } = takeCohortArgs(argv);
  const { values } = parseCommand(rest, {
    jobs: { type: 'string' },
    'lock-ms': { type: 'string' },
  });
  if (!cohort.redis) throw new UsageError('--redis names the Redis server (redis://host:port).');
  return {
    redis: cohort.redis,
    queue: cohort.queue ?? defaultQueue,
    jobs:
      values.jobs === undefined
        ? availableParallelism()
        : wholeNumber('jobs', values.jobs, 1, 'workers'),
    lockMs:
      values['lock-ms'] === undefined
        ? 30_000
        : wholeNumber('lock-ms', values['lock-ms'], 200, 'ms'),
  };
}

/** A series' files gone or unreadable is a failure to retry (storage may come back), not a record. */
async function checkReadable(job: SeriesJob): Promise<void> {
  for (const f of job.task.series.files) {
    if (!f.source) continue;
    try {
      await access(f.source.path);
    } catch {
      throw new ProblemError('read-failed', `${f.source.path} cannot be read`, { file: f.file });
    }
  }
}

function stderrLog(line: string): void {
  process.stderr.write(`${new Date().toISOString()} ${line}\n`);
}

export interface SeriesWorkerOptions {
  readonly redis: string;
  readonly queue: string;
  readonly jobs: number;
  readonly lockMs: number;
  readonly log?: (line: string) => void;
}

/** A BullMQ worker computing series jobs in a pool of `jobs` threads (the bench runs it in
 * process too); close() lets running series finish. */
export function startSeriesWorker(o: SeriesWorkerOptions): {
  worker: Worker<SeriesJob>;
  close(): Promise<void>;
} {
  const log = o.log ?? stderrLog;
  const pool = new ThreadPool<typeof runPooledSeriesTask>(
    new URL('./cohort/seriesWorker.ts', import.meta.url),
    o.jobs,
  );
  const process1 = async (job: Job<SeriesJob>): Promise<{ records: number; reused?: boolean }> => {
    const { task, key, out } = job.data;
    const path = join(out, 'series', `${key}.json`);
    log(`started ${key} ${task.series.uid} attempt ${job.attemptsMade + 1}`);
    // Done before (a worker that died after writing, a Redis that lost the completion): kept.
    const before = await readFile(path, 'utf8').then(
      (t) => JSON.parse(t) as { records: unknown[] },
      () => null,
    );
    if (before) {
      await clearFailureRecord(out, key); // given up on once, written since (resumed elsewhere)
      log(`done ${key} (already written)`);
      return { records: before.records.length, reused: true };
    }
    // The last attempt's failure is recorded for the run views (failureRecord.ts).
    return recordingFailure(job, async () => {
      await checkReadable(job.data);
      const records = await pool.run(task); // a thread that crashes rejects: the job is retried
      await writeAtomic(path, seriesRecordText(key, task.series.uid, records));
      log(`done ${key}`);
      return { records: records.length };
    });
  };
  const worker = new Worker<SeriesJob>(o.queue, process1, {
    connection: connection(o.redis),
    concurrency: o.jobs,
    lockDuration: o.lockMs,
    stalledInterval: Math.max(100, Math.round(o.lockMs / 2)),
  });
  worker.on('failed', (job, error) => log(`failed ${job?.id ?? '?'}: ${error.message}`));
  worker.on('error', (error) => log(`error: ${error.message}`));
  worker.on('stalled', (id) => log(`stalled ${id}: its lock expired, so it is queued again`));
  return {
    worker,
    close: async () => {
      await worker.close();
      await pool.close();
    },
  };
}

export async function workerCommand(argv: string[]): Promise<number> {
  const args = parseOrUsage(argv, usage, parse);
  if ('exit' in args) return args.exit;
  const { close } = startSeriesWorker(args);
  stderrLog(`worker on ${args.queue} with ${args.jobs} threads`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  stderrLog('stopping: running series finish first');
  await close();
  return 0;
}
