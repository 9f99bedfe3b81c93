// `consilium cohort submit`: indexes the inputs on this machine and queues one job per series on
// Redis (BullMQ). A job's id is its series' content key, and series whose record is already in
// the results folder are not queued: submitting the same cohort again recomputes nothing.
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { problemOf } from '../../core/result.ts';
import { parseOrUsage, UsageError } from '../io/commandArgs.ts';
import { featureOptionsUsage } from '../io/featureOptions.ts';
import { ResultsDir, writeAtomic } from '../io/resultsDir.ts';
import { takeRunArgs } from '../io/runArgs.ts';
import { parseCohortRequest, planCohort, type CohortRequest } from './cohortRequest.ts';
import {
  defaultQueue,
  jobOptions,
  redisClient,
  savePlan,
  seriesQueue,
  type CohortPlan,
} from './queue.ts';
import { takeCohortArgs } from './cohortArgs.ts';

const usage = `Usage: consilium cohort submit <files|dirs|zips…> --command features|infer|analyze --redis URL
  --out DIR [--queue NAME] [--name ID] [the command's own options]
    features: --roi, --mask, --structure, --per-slice, --families, --filter,
      ${featureOptionsUsage}
    infer:    --model m.onnx [--card c.json] [--batch N]
    analyze:  --model m.onnx [--card c.json] | --no-model, and the feature settings above

  Queues one job per series for \`consilium worker\`s; prints the cohort's id.
  --out DIR      the results folder, on storage every worker reaches under the same path
                 (analyze: its series results; the bundle is then written by
                 consilium analyze <same inputs> --results DIR --resume --out bundle.zip)
  --queue NAME   the BullMQ queue (default ${defaultQueue})
  --name ID      the cohort's id (default: derived from its command, settings and series)
`;

interface SubmitArgs {
  redis: string;
  queue: string;
  name?: string;
  out: string;
  request: CohortRequest;
}

function parse(argv: readonly string[]): SubmitArgs {
  const { cohort, rest } = takeCohortArgs(argv);
  const { run, rest: more } = takeRunArgs(rest);
  if (!cohort.redis) throw new UsageError('--redis names the Redis server (redis://host:port).');
  if (!run.out) throw new UsageError('--out names the results folder the workers write.');
  return {
    redis: cohort.redis,
    queue: cohort.queue ?? defaultQueue,
    ...(cohort.name ? { name: cohort.name } : {}),
    out: resolve(run.out),
    request: parseCohortRequest(cohort.command ?? 'features', more),
  };
}

/** What a results folder says about the cohort that writes it (read by \`consilium serve\`). */
export interface CohortNote {
  readonly id: string;
  readonly command: string;
  readonly series: number;
  readonly queue: string;
  readonly submittedAt: string;
}

export async function submitCommand(argv: string[]): Promise<number> {
  const args = parseOrUsage(argv, usage, parse);
  if ('exit' in args) return args.exit;
  const plan = await planCohort(args.request);
  for (const line of plan.skipped) process.stderr.write(`skipped ${line}\n`);
  let results: ResultsDir;
  try {
    results = await ResultsDir.open(args.out, plan.command, plan.settings);
  } catch (e) {
    const p = problemOf(e, 'results-failed');
    process.stderr.write(`${p.code}: ${p.reason}\n`);
    return 2;
  }
  const keys = plan.series.map((s) => results.keyOf(s.key));
  const id =
    args.name ??
    createHash('sha256')
      .update(`${results.settingsHash}\0${keys.join('\0')}`)
      .digest('hex')
      .slice(0, 12);
  const cohort: CohortPlan = {
    id,
    command: plan.command,
    settingsHash: results.settingsHash,
    out: args.out,
    queue: args.queue,
    series: plan.series.map((s, i) => ({ key: keys[i], uid: s.uid })),
    leading: plan.leading,
  };
  const redis = redisClient(args.redis);
  const queue = seriesQueue(args.redis, args.queue);
  let queued = 0;
  let done = 0;
  try {
    await savePlan(redis, cohort);
    const batch: Parameters<typeof queue.addBulk>[0] = [];
    const flush = async () => {
      if (batch.length) await queue.addBulk(batch.splice(0));
    };
    for (const [i, ref] of plan.series.entries()) {
      const key = keys[i];
      if ((await results.read(key)) !== null) {
        done++;
        continue;
      }
      // An id already in the queue (waiting, running, done or failed) adds nothing.
      if (await queue.getJob(key)) continue;
      const task = plan.task(ref);
      batch.push({
        name: plan.command,
        data: { task, key, out: args.out },
        opts: { ...jobOptions, jobId: key },
      });
      queued++;
      if (batch.length >= 500) await flush();
    }
    await flush();
    const note: CohortNote = {
      id,
      command: plan.command,
      series: plan.series.length,
      queue: args.queue,
      submittedAt: new Date().toISOString(),
    };
    await writeAtomic(join(args.out, 'cohort.json'), JSON.stringify(note, null, 2) + '\n');
  } finally {
    await queue.close();
    redis.disconnect();
  }
  process.stderr.write(
    `cohort ${id}: ${plan.series.length} series, ${queued} queued, ${done} already in ${args.out}, ` +
      `${plan.series.length - queued - done} already queued\n`,
  );
  process.stdout.write(id + '\n');
  return 0;
}
