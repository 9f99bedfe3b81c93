// `consilium cohort submit`: indexes the inputs on this machine and queues one job per series on
// Redis (BullMQ). A job's id is its series' content key, and series whose record is already in
// the results folder are not queued: submitting the same cohort again recomputes nothing.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { problemOf } from '../../core/result.ts';
import { parseFeaturesArgs } from '../featuresArgs.ts';
import { parseOrUsage, UsageError } from '../io/commandArgs.ts';
import { featureOptionsUsage } from '../io/featureOptions.ts';
import { ResultsDir } from '../io/resultsDir.ts';
import { takeRunArgs } from '../io/runArgs.ts';
import { planFeatures } from './featuresPlan.ts';
import {
  defaultQueue,
  jobOptions,
  redisClient,
  savePlan,
  seriesQueue,
  type CohortPlan,
} from './queue.ts';
import { takeCohortArgs } from './cohortArgs.ts';

const usage = `Usage: consilium cohort submit <files|dirs|zips…> --command features --redis URL --out DIR
  [--queue NAME] [--name ID] [features options: --roi, --mask, --structure, --per-slice,
  ${featureOptionsUsage}]

  Queues one job per series for \`consilium worker\`s; prints the cohort's id.
  --out DIR      the results folder, on storage every worker reaches under the same path
  --queue NAME   the BullMQ queue (default ${defaultQueue})
  --name ID      the cohort's id (default: derived from its settings and series)
`;

interface SubmitArgs {
  redis: string;
  queue: string;
  name?: string;
  out: string;
  features: ReturnType<typeof parseFeaturesArgs>;
}

function parse(argv: readonly string[]): SubmitArgs {
  const { cohort, rest } = takeCohortArgs(argv);
  const { run, rest: more } = takeRunArgs(rest);
  if (!cohort.redis) throw new UsageError('--redis names the Redis server (redis://host:port).');
  if (!run.out) throw new UsageError('--out names the results folder the workers write.');
  if ((cohort.command ?? 'features') !== 'features')
    throw new UsageError(
      `--command: only "features" runs as a cohort so far, not "${cohort.command}".`,
    );
  const features = parseFeaturesArgs(more);
  // A job carries file paths; instances fetched from a PACS exist only in this process.
  if (features.paths.some((p) => p.startsWith('dicomweb:')))
    throw new UsageError(
      'cohort submit reads files, folders and zips every worker reaches; run features --dicomweb on one machine, or store the studies on shared storage first.',
    );
  // Workers on other machines read the same paths: absolute ones.
  features.paths = features.paths.map((p) => resolve(p));
  features.maskPaths = features.maskPaths.map((p) => resolve(p));
  return {
    redis: cohort.redis,
    queue: cohort.queue ?? defaultQueue,
    ...(cohort.name ? { name: cohort.name } : {}),
    out: resolve(run.out),
    features,
  };
}

export async function submitCommand(argv: string[]): Promise<number> {
  const args = parseOrUsage(argv, usage, parse);
  if ('exit' in args) return args.exit;
  const plan = await planFeatures(args.features);
  let results: ResultsDir;
  try {
    results = await ResultsDir.open(args.out, 'features', plan.settings);
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
    command: 'features',
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
      const task = {
        command: 'features' as const,
        settings: plan.settings,
        series: ref,
        imageUids: plan.imageUids,
      };
      batch.push({
        name: 'features',
        data: { task, key, out: args.out },
        opts: { ...jobOptions, jobId: key },
      });
      queued++;
      if (batch.length >= 500) await flush();
    }
    await flush();
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
