// Cohort throughput: `consilium features --out` over a generated cohort with 1, 2 and N worker
// threads (series/s, wall time, peak RSS of the whole process), the same at twice the cohort size
// (memory must follow the threads, not the cohort), and — with REDIS_URL — the same cohort through
// the queue (cohort submit + one `consilium worker` + cohort wait) against the single-machine run:
// the queue's overhead per series. Sizes: COHORT_BENCH_SERIES (default 24), 8 slices of 64².
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { planFeatures } from '../src/cli/cohort/featuresPlan.ts';
import { seriesQueue } from '../src/cli/cohort/queue.ts';
import { crashRecord, seriesComputer } from '../src/cli/cohort/seriesComputer.ts';
import { writeCohort } from '../src/cli/cohort/testing/cohortFixture.ts';
import { parseFeaturesArgs } from '../src/cli/featuresArgs.ts';
import { ResultsDir } from '../src/cli/io/resultsDir.ts';
import { runSeries } from '../src/cli/io/seriesRun.ts';
import { startSeriesWorker } from '../src/cli/worker.ts';
import { report } from './report.ts';

const exec = promisify(execFile);
const cli = 'bin/consilium.mjs';
// Prints the process's peak RSS (worker threads included) as it exits.
const maxRss =
  'data:text/javascript,process.on("exit",()=>process.stderr.write(`maxRSS ${process.resourceUsage().maxRSS}\\n`))';

interface Timed {
  ms: number;
  rssMiB: number;
}

async function features(dir: string, out: string, jobs: number): Promise<Timed> {
  const t0 = performance.now();
  const { stderr } = await exec(
    'node',
    ['--import', maxRss, cli, 'features', dir, '--json', '--jobs', String(jobs), '--out', out],
    { maxBuffer: 1 << 28 },
  );
  const ms = performance.now() - t0;
  const kb = Number(/maxRSS (\d+)/.exec(stderr)?.[1] ?? NaN);
  return { ms, rssMiB: kb / 1024 };
}

async function throughQueue(dir: string, out: string, jobs: number, redis: string): Promise<Timed> {
  const queue = `bench-${process.pid}-${Date.now()}`;
  const t0 = performance.now();
  const worker = spawn(
    'node',
    ['--import', maxRss, cli, 'worker', '--redis', redis, '--queue', queue, '--jobs', String(jobs)],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  worker.stderr.on('data', (b: Buffer) => (log += b.toString()));
  const { stdout } = await exec('node', [
    cli,
    'cohort',
    'submit',
    dir,
    '--command',
    'features',
    '--redis',
    redis,
    '--out',
    out,
    '--queue',
    queue,
  ]);
  const id = stdout.trim();
  await exec('node', [cli, 'cohort', 'wait', id, '--redis', redis, '--poll-ms', '100']);
  await exec('node', [cli, 'cohort', 'reduce', id, '--redis', redis]);
  const ms = performance.now() - t0;
  const exited = new Promise((r) => worker.on('exit', r));
  worker.kill('SIGINT');
  await exited;
  const kb = Number(/maxRSS (\d+)/.exec(log)?.[1] ?? NaN);
  return { ms, rssMiB: kb / 1024 };
}

/**
 * The same series computed in this process by the single-machine path (runSeries over a thread
 * pool) and by a BullMQ worker over the same size of pool, jobs queued beforehand: the time from
 * start to the last record written, so process start-up and indexing are left out of both.
 */
async function queueOverhead(dir: string, tmp: string, jobs: number, redis: string): Promise<void> {
  const plan = await planFeatures(parseFeaturesArgs([dir, '--jobs', String(jobs)]));
  const n = plan.series.length;
  const single = await ResultsDir.open(join(tmp, 'inproc-single'), 'features', plan.settings);
  const computer = seriesComputer(jobs, crashRecord);
  let t0 = performance.now();
  await runSeries({
    label: 'bench',
    series: plan.series,
    jobs,
    results: single,
    compute: (ref) =>
      computer.compute({
        command: 'features',
        settings: plan.settings,
        series: ref,
        imageUids: plan.imageUids,
      }),
    emit: () => {},
  });
  const singleMs = performance.now() - t0;
  await computer.close();

  const out = join(tmp, 'inproc-queue');
  const results = await ResultsDir.open(out, 'features', plan.settings);
  const name = `bench-inproc-${process.pid}-${Date.now()}`;
  const queue = seriesQueue(redis, name);
  t0 = performance.now();
  await queue.addBulk(
    plan.series.map((ref) => {
      const key = results.keyOf(ref.key);
      const task = {
        command: 'features' as const,
        settings: plan.settings,
        series: ref,
        imageUids: plan.imageUids,
      };
      return { name: 'features', data: { task, key, out }, opts: { jobId: key } };
    }),
  );
  const enqueueMs = performance.now() - t0;
  t0 = performance.now();
  const w = startSeriesWorker({ redis, queue: name, jobs, lockMs: 30_000, log: () => {} });
  await new Promise<void>((resolve) => {
    let done = 0;
    w.worker.on('completed', () => ++done === n && resolve());
  });
  const queueMs = performance.now() - t0;
  await w.close();
  await queue.obliterate({ force: true });
  await queue.close();
  report({
    name: 'cohort-queue-overhead-in-process',
    series: n,
    jobs,
    singleMs: Math.round(singleMs),
    queueMs: Math.round(queueMs),
    enqueueMsPerSeries: Number((enqueueMs / n).toFixed(2)),
    overheadMsPerSeries: Number(((queueMs - singleMs) / n).toFixed(1)),
    overheadPct: Number((((queueMs - singleMs) / singleMs) * 100).toFixed(1)),
  });
}

export async function run(): Promise<void> {
  const count = Number(process.env.COHORT_BENCH_SERIES ?? 24);
  const shape = { slices: 8, size: 64 };
  const dir = await mkdtemp(join(tmpdir(), 'consilium-cohort-bench-'));
  try {
    const small = await writeCohort(join(dir, 'cohort'), count, shape);
    const large = await writeCohort(join(dir, 'cohort2x'), 2 * count, shape);
    const cores = availableParallelism();
    const threads = [...new Set([1, 2, cores])];
    const single = new Map<number, Timed>();
    for (const jobs of threads) {
      const t = await features(small.dir, join(dir, `out-${jobs}`), jobs);
      single.set(jobs, t);
      report({
        name: 'cohort-features',
        series: count,
        slices: shape.slices,
        size: shape.size,
        jobs,
        cores,
        ms: Math.round(t.ms),
        seriesPerS: Number(((count * 1000) / t.ms).toFixed(2)),
        peakRssMiB: Math.round(t.rssMiB),
      });
    }
    const two = Math.min(2, cores);
    const big = await features(large.dir, join(dir, 'out-2x'), two);
    report({
      name: 'cohort-features-2x-cohort',
      series: 2 * count,
      jobs: two,
      ms: Math.round(big.ms),
      seriesPerS: Number(((2 * count * 1000) / big.ms).toFixed(2)),
      peakRssMiB: Math.round(big.rssMiB),
      peakRssMiBHalfCohort: Math.round(single.get(two)!.rssMiB),
    });
    const redis = process.env.REDIS_URL;
    if (!redis) {
      report({
        name: 'cohort-queue-overhead',
        skipped: 'REDIS_URL is not set (source scripts/services/services.sh && start_redis)',
      });
      return;
    }
    await queueOverhead(small.dir, dir, two, redis);
    const q = await throughQueue(small.dir, join(dir, 'queue'), two, redis);
    const base = single.get(two)!;
    report({
      // Whole commands: submit, worker and wait processes started, against one features process.
      name: 'cohort-queue-overhead-commands',
      series: count,
      jobs: two,
      singleMs: Math.round(base.ms),
      queueMs: Math.round(q.ms),
      overheadMsPerSeries: Number(((q.ms - base.ms) / count).toFixed(1)),
      overheadPct: Number((((q.ms - base.ms) / base.ms) * 100).toFixed(1)),
      workerPeakRssMiB: Math.round(q.rssMiB),
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
