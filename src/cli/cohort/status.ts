// `consilium cohort status|wait|reduce <id>`: where a cohort's series stand (done, running,
// waiting, failed with the reason of the last attempt), waiting until none is left to run, and
// merging the series' records, in input order, into <out>/<command>.jsonl.
import { join } from 'node:path';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { parseCommand, parseOrUsage, UsageError, wholeNumber } from '../io/commandArgs.ts';
import { MergedOutput } from '../io/mergedOutput.ts';
import { type SeriesRecordFile } from '../io/resultsDir.ts';
import { readFile } from 'node:fs/promises';
import { takeCohortArgs } from './cohortArgs.ts';
import { readFailureRecord } from './failureRecord.ts';
import { jobStates } from './jobStates.ts';
import { loadPlan, redisClient, seriesQueue, type CohortPlan, type SeriesJob } from './queue.ts';

const usage = `Usage: consilium cohort status|wait|reduce <id> --redis URL [--json]
  status   how many series are done, running, waiting and failed (failures listed with reasons)
  wait     waits until every series is done or has failed for good [--poll-ms MS]; exit 1 if any failed
  reduce   writes <out>/<command>.jsonl: every record in input order (failed series as error records)
`;

interface Args {
  id: string;
  redis: string;
  json: boolean;
  pollMs: number;
}

function parse(argv: readonly string[]): Args {
  const { cohort, rest } = takeCohortArgs(argv);
  const { values, positionals } = parseCommand(rest, {
    json: { type: 'boolean' },
    'poll-ms': { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('Name one cohort id (printed by submit).');
  if (!cohort.redis) throw new UsageError('--redis names the Redis server (redis://host:port).');
  const poll = values['poll-ms'];
  return {
    id: positionals[0],
    redis: cohort.redis,
    json: values.json ?? false,
    pollMs: poll === undefined ? 2000 : wholeNumber('poll-ms', poll, 50, 'ms'),
  };
}

export interface CohortStatus {
  id: string;
  total: number;
  done: number;
  running: number;
  waiting: number;
  failed: { series: string; key: string; reason: string; attempts: number }[];
}

async function hasRecord(plan: CohortPlan, key: string): Promise<boolean> {
  return readFile(join(plan.out, 'series', `${key}.json`), 'utf8').then(
    () => true,
    () => false,
  );
}

export async function cohortStatus(
  plan: CohortPlan,
  queue: Queue<SeriesJob>,
  redis: Redis,
): Promise<CohortStatus> {
  const status: CohortStatus = {
    id: plan.id,
    total: plan.series.length,
    done: 0,
    running: 0,
    waiting: 0,
    failed: [],
  };
  for (let i = 0; i < plan.series.length; i += 1000) {
    const chunk = plan.series.slice(i, i + 1000);
    const ids = chunk.map((s) => s.key);
    const states = await jobStates(redis, queue, ids);
    let gaveUp: SeriesRecordFile | null;
    for (const [j, state] of states.entries()) {
      const s = chunk[j];
      if (state === 'completed') status.done++;
      else if (state === 'active') status.running++;
      // Failed on the queue but written since (computed on one machine with --resume): done.
      else if (state === 'failed' && (await hasRecord(plan, s.key))) status.done++;
      else if (state === 'failed') {
        const job = await queue.getJob(s.key);
        status.failed.push({
          series: s.uid,
          key: s.key,
          reason: job?.failedReason ?? 'failed',
          attempts: job?.attemptsMade ?? 0,
        });
      } else if (state === 'unknown' && (await hasRecord(plan, s.key))) status.done++;
      else if (state === 'unknown' && (gaveUp = await readFailureRecord(plan.out, s.key))) {
        // Redis no longer holds the job (cleaned, or a new Redis): its failure record stands.
        const e = (
          gaveUp.records[0] as { error?: { reason?: string; params?: { attempts?: number } } }
        ).error;
        status.failed.push({
          series: s.uid,
          key: s.key,
          reason: e?.reason ?? 'failed',
          attempts: e?.params?.attempts ?? 0,
        });
      } else status.waiting++;
    }
  }
  return status;
}

function statusText(s: CohortStatus): string {
  const lines = [
    `cohort ${s.id}: ${s.total} series: ${s.done} done, ${s.running} running, ${s.waiting} waiting, ${s.failed.length} failed`,
    ...s.failed.map((f) => `FAILED ${f.series} after ${f.attempts} attempts: ${f.reason}`),
  ];
  return lines.join('\n') + '\n';
}

async function withPlan(
  args: Args,
  run: (plan: CohortPlan, queue: Queue<SeriesJob>, redis: Redis) => Promise<number>,
): Promise<number> {
  const redis = redisClient(args.redis);
  try {
    const plan = await loadPlan(redis, args.id);
    if (!plan) {
      process.stderr.write(`no-cohort: Redis at ${args.redis} holds no cohort "${args.id}"\n`);
      return 2;
    }
    const queue = seriesQueue(args.redis, plan.queue);
    try {
      return await run(plan, queue, redis);
    } finally {
      await queue.close();
    }
  } finally {
    redis.disconnect();
  }
}

function print(args: Args, s: CohortStatus): void {
  process.stdout.write(args.json ? JSON.stringify(s) + '\n' : statusText(s));
}

export async function statusCommand(argv: string[]): Promise<number> {
  const args = parseOrUsage(argv, usage, parse);
  if ('exit' in args) return args.exit;
  return withPlan(args, async (plan, queue, redis) => {
    print(args, await cohortStatus(plan, queue, redis));
    return 0;
  });
}

export async function waitCommand(argv: string[]): Promise<number> {
  const args = parseOrUsage(argv, usage, parse);
  if ('exit' in args) return args.exit;
  return withPlan(args, async (plan, queue, redis) => {
    for (;;) {
      const s = await cohortStatus(plan, queue, redis);
      if (s.running + s.waiting === 0) {
        print(args, s);
        return s.failed.length > 0 ? 1 : 0;
      }
      if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${statusText(s).split('\n')[0]}`);
      await new Promise((r) => setTimeout(r, args.pollMs));
    }
  });
}

export async function reduceCommand(argv: string[]): Promise<number> {
  const args = parseOrUsage(argv, usage, parse);
  if ('exit' in args) return args.exit;
  return withPlan(args, async (plan, queue) => {
    const path = join(plan.out, `${plan.command}.jsonl`);
    const merged = new MergedOutput(path);
    let missing = 0;
    try {
      for (const r of plan.leading) await merged.line(JSON.stringify(r));
      for (const s of plan.series) {
        const text = await readFile(join(plan.out, 'series', `${s.key}.json`), 'utf8').catch(
          () => null,
        );
        if (text !== null) {
          for (const r of (JSON.parse(text) as SeriesRecordFile).records)
            await merged.line(JSON.stringify(r));
          continue;
        }
        missing++;
        const gaveUp = await readFailureRecord(plan.out, s.key);
        if (gaveUp) {
          for (const r of gaveUp.records) await merged.line(JSON.stringify(r));
          continue;
        }
        const job = await queue.getJob(s.key);
        const reason = job?.failedReason || 'not computed yet';
        const error = {
          code: 'series-failed',
          reason,
          params: { series: s.uid, file: job?.data.task.series.files[0]?.file ?? s.uid },
        };
        await merged.line(JSON.stringify({ ok: false, error }));
      }
      await merged.commit();
    } finally {
      await merged.discard();
    }
    process.stderr.write(
      `Wrote ${path}: ${plan.series.length} series, ${missing} without records.\n`,
    );
    return missing > 0 ? 1 : 0;
  });
}
