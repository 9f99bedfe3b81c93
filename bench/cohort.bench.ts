// Cohort throughput: `consilium features --out` over a generated cohort with 1, 2 and N worker
// threads (series/s, wall time, peak RSS of the whole process), the same at twice the cohort size
// (memory must follow the threads, not the cohort), and — with REDIS_URL — the same cohort through
// the queue against the single-machine path: in process, both warm, same series and threads,
// medians of COHORT_BENCH_REPEATS (default 5) alternated pairs (the overhead per series), and as
// whole commands (cohort submit + one `consilium worker` + cohort wait + reduce, against one
// `features` process run just before); and one status poll of 1,000–16,000 queued series against
// BullMQ's getJobState per series; and one refresh of a running run's Parquet table (20 series
// added to 1,000 or 10,000) compacted whole against incrementally (COHORT_BENCH_ONLY=compaction
// alone); and the Cohort tab's filter over a 1,000,000-row table, by DuckDB on the server against
// a hyparquet scan of its filter columns as the page's worker would (COHORT_BENCH_ONLY=filter).
// Each figure carries the load average (load1).
// Sizes: COHORT_BENCH_SERIES (default 24), 8 slices of 64².
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { planFeatures } from '../src/cli/cohort/featuresPlan.ts';
import { writeFeaturesParquet } from '../src/cli/cohort/parquet.ts';
import { runParquet } from '../src/cli/cohort/runParquet.ts';
import { filterTable } from '../src/cli/cohort/tableFilter.ts';
import {
  largeSeriesUid,
  writeLargeFeaturesRun,
} from '../src/cli/cohort/testing/largeFeaturesRun.ts';
import { parquetCompressors } from '../src/core/cohort/resultColumns.ts';
import { parquetMetadata, parquetRead } from 'hyparquet';
import {
  writeFeaturesRunFolder,
  writeSeriesRecord,
} from '../src/cli/cohort/testing/featuresRunFolder.ts';
import { redisClient, seriesQueue } from '../src/cli/cohort/queue.ts';
import type { Redis } from 'ioredis';
import { crashRecord, seriesComputer } from '../src/cli/cohort/seriesComputer.ts';
import { writeCohort } from '../src/cli/cohort/testing/cohortFixture.ts';
import { parseFeaturesArgs } from '../src/cli/featuresArgs.ts';
import { ResultsDir } from '../src/cli/io/resultsDir.ts';
import type { SeriesRef } from '../src/cli/io/seriesIndex.ts';
import { runSeries } from '../src/cli/io/seriesRun.ts';
import { cohortStatus } from '../src/cli/cohort/status.ts';
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

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const load1 = (): number => Number(loadavg()[0].toFixed(2));

/** CPU seconds of this process (every thread) and of the Redis server: robust to the machine's
 * load where wall time is not. */
async function cpuSeconds(redis: Redis): Promise<{ all: number; redis: number }> {
  const { user, system } = process.cpuUsage();
  const info = await redis.info('cpu');
  const used = (k: string): number => Number(new RegExp(`${k}:([\\d.]+)`).exec(info)?.[1] ?? 0);
  const server = used('used_cpu_user') + used('used_cpu_sys');
  return { all: (user + system) / 1e6 + server, redis: server };
}

interface Side {
  ms: number;
  cpuS: number;
  redisCpuS: number;
}

const since = (a: { all: number; redis: number }, b: { all: number; redis: number }) => ({
  cpuS: b.all - a.all,
  redisCpuS: b.redis - a.redis,
});

/**
 * The same series computed in this process by the single-machine path (runSeries over a thread
 * pool) and by a BullMQ worker over a pool of the same size: both warm (each pool's threads
 * started and its modules loaded by a first round of `jobs` series, left out of the timings),
 * then timed alternately `repeats` times, each run into a fresh results folder (and, for the
 * queue, fresh job ids, so nothing is found already done). The queue's time runs from adding the
 * jobs to the last one completed. Wall and CPU (this process's threads plus the Redis server's)
 * are medians, and each overhead is the median of the pairs' overheads, so load that drifts
 * during the bench falls on both sides alike. On a heavily loaded machine even CPU time for the
 * same work swings by ±25 % from run to run, more than the queue costs: queueAlone* (jobs whose
 * records exist, nothing computed) and redisCpuMsPerSeries measure the queue's own work directly.
 */
async function queueOverhead(
  dir: string,
  tmp: string,
  jobs: number,
  redis: string,
  repeats: number,
): Promise<void> {
  const plan = await planFeatures(parseFeaturesArgs([dir, '--jobs', String(jobs)]));
  const n = plan.series.length;
  const task = (ref: SeriesRef) => ({
    command: 'features' as const,
    settings: plan.settings,
    series: ref,
    imageUids: plan.imageUids,
  });
  const warm = plan.series.slice(0, jobs);
  const server = redisClient(redis);

  const computer = seriesComputer(jobs, crashRecord);
  await Promise.all(warm.map((ref) => computer.compute(task(ref))));
  const single = async (rep: number): Promise<Side> => {
    const results = await ResultsDir.open(join(tmp, `single-${rep}`), 'features', plan.settings);
    const cpu0 = await cpuSeconds(server);
    const t0 = performance.now();
    await runSeries({
      label: 'bench',
      series: plan.series,
      jobs,
      results,
      compute: (ref) => computer.compute(task(ref)),
      emit: () => {},
    });
    const ms = performance.now() - t0;
    return { ms, ...since(cpu0, await cpuSeconds(server)) };
  };

  const name = `bench-inproc-${process.pid}-${Date.now()}`;
  const queue = seriesQueue(redis, name);
  const w = startSeriesWorker({ redis, queue: name, jobs, lockMs: 30_000, log: () => {} });
  let completed = 0;
  let target = 0;
  let wake = (): void => {};
  w.worker.on('completed', () => ++completed === target && wake());
  const queued = async (refs: readonly SeriesRef[], tag: string, into = tag): Promise<Side> => {
    const out = join(tmp, `queue-${into}`);
    const results = await ResultsDir.open(out, 'features', plan.settings);
    completed = 0;
    target = refs.length;
    const finished = new Promise<void>((resolve) => (wake = resolve));
    const cpu0 = await cpuSeconds(server);
    const t0 = performance.now();
    await queue.addBulk(
      refs.map((ref) => {
        const key = results.keyOf(ref.key);
        const data = { task: task(ref), key, out };
        return { name: 'features', data, opts: { jobId: `${tag}-${key}` } };
      }),
    );
    await finished;
    const ms = performance.now() - t0;
    return { ms, ...since(cpu0, await cpuSeconds(server)) };
  };
  await queued(warm, 'warm');

  const loadBefore = load1();
  const singles: Side[] = [];
  const queues: Side[] = [];
  const bare: Side[] = [];
  try {
    for (let rep = 0; rep < repeats; rep++) {
      // Alternate which side goes first, so neither always runs on a warmer or quieter machine.
      if (rep % 2 === 0) {
        singles.push(await single(rep));
        queues.push(await queued(plan.series, `r${rep}`));
      } else {
        queues.push(await queued(plan.series, `r${rep}`));
        singles.push(await single(rep));
      }
      // The queue alone: the same jobs again (new ids) into a folder that holds their records,
      // so each is fetched, locked, found written and completed, with nothing computed.
      bare.push(await queued(plan.series, `bare${rep}`, `r${rep}`));
    }
  } finally {
    await computer.close();
    await w.close();
    await queue.obliterate({ force: true });
    await queue.close();
    server.disconnect();
  }
  const pct = (k: keyof Side): number =>
    Number(median(queues.map((q, i) => ((q[k] - singles[i][k]) / singles[i][k]) * 100)).toFixed(1));
  const perSeries = (k: keyof Side, scale: number): number =>
    Number(((median(queues.map((q, i) => q[k] - singles[i][k])) * scale) / n).toFixed(1));
  report({
    name: 'cohort-queue-overhead-in-process',
    series: n,
    jobs,
    repeats,
    singleMs: singles.map((x) => Math.round(x.ms)),
    queueMs: queues.map((x) => Math.round(x.ms)),
    singleCpuS: singles.map((x) => Number(x.cpuS.toFixed(2))),
    queueCpuS: queues.map((x) => Number(x.cpuS.toFixed(2))),
    overheadPct: pct('ms'),
    overheadMsPerSeries: perSeries('ms', 1),
    cpuOverheadPct: pct('cpuS'),
    cpuOverheadMsPerSeries: perSeries('cpuS', 1000),
    redisCpuMsPerSeries: Number(((median(queues.map((x) => x.redisCpuS)) * 1000) / n).toFixed(2)),
    // The queue's own cost per series (jobs whose records exist), against a computed series.
    queueAloneMsPerSeries: Number((median(bare.map((x) => x.ms)) / n).toFixed(1)),
    queueAlonePctOfSeries: Number(
      ((median(bare.map((x) => x.ms)) / median(singles.map((x) => x.ms))) * 100).toFixed(1),
    ),
    load1Before: loadBefore,
    load1After: load1(),
  });
}

/**
 * One status poll (`cohort status`, and each turn of `cohort wait`) of a cohort of n queued
 * series, against BullMQ's getJobState per series as status read them before (chunks of 200 in
 * parallel), which finds a waiting job by LPOS over the whole wait list.
 */
async function statusPoll(redis: string, sizes: readonly number[]): Promise<void> {
  const client = redisClient(redis);
  try {
    for (const n of sizes) {
      const name = `bench-status-${process.pid}-${Date.now()}`;
      const queue = seriesQueue(redis, name);
      const series = Array.from({ length: n }, (_, i) => ({ key: `s${i}`, uid: `1.2.${i}` }));
      const task = { command: 'features', series: { uid: '', key: '', files: [] } } as never;
      for (let i = 0; i < n; i += 1000)
        await queue.addBulk(
          series.slice(i, i + 1000).map((s) => ({
            name: 'features',
            data: { task, key: s.key, out: '/nonexistent' },
            opts: { jobId: s.key },
          })),
        );
      const plan = { id: name, command: 'features', settingsHash: '', out: '/nonexistent' };
      let t0 = performance.now();
      const status = await cohortStatus(
        { ...plan, queue: name, series, leading: [] },
        queue,
        client,
      );
      const ms = performance.now() - t0;
      t0 = performance.now();
      for (let i = 0; i < n; i += 200)
        await Promise.all(series.slice(i, i + 200).map((s) => queue.getJobState(s.key)));
      const bullmqMs = performance.now() - t0;
      await queue.obliterate({ force: true });
      await queue.close();
      report({
        name: 'cohort-status-poll',
        queuedSeries: n,
        waiting: status.waiting,
        ms: Math.round(ms),
        getJobStateMs: Math.round(bullmqMs),
        load1: load1(),
      });
    }
  } finally {
    client.disconnect();
  }
}

/** One refresh of a running run's table, the Cohort tab's: `added` series written since the
 * last one, `total` in all. Before: every series file compacted again (what the server did per
 * refresh). After: runParquet, which reads only the added series and merges Parquet parts.
 * Alternated pairs on the same series count, medians of `repeats`. */
async function compactionRefresh(
  dir: string,
  totals: readonly number[],
  added: number,
  values: number,
  repeats: number,
): Promise<void> {
  const key = (i: number) => i.toString(16).padStart(32, '0');
  const vals = Array.from({ length: values }, (_, f) => f / 3);
  for (const total of totals) {
    const run = join(dir, `compaction-${total}`);
    await writeFeaturesRunFolder(run, 'bench');
    let written = 0;
    const add = async (n: number) => {
      for (let k = 0; k < n; k++, written++)
        await writeSeriesRecord(run, key(written), `1.2.3.${written}`, vals);
    };
    await add(total - added * repeats);
    await runParquet(run); // the refreshes so far
    const full: number[] = [];
    const incremental: number[] = [];
    for (let r = 0; r < repeats; r++) {
      await add(added);
      let t0 = performance.now();
      await runParquet(run);
      incremental.push(performance.now() - t0);
      t0 = performance.now();
      await writeFeaturesParquet(run, join(run, 'whole.parquet'));
      full.push(performance.now() - t0);
    }
    report({
      name: 'cohort-compaction-refresh',
      series: total,
      addedSeries: added,
      valuesPerSeries: values,
      rows: total * values,
      beforeWholeMs: Math.round(median(full)),
      afterIncrementalMs: Math.round(median(incremental)),
      repeats,
      load1: load1(),
    });
  }
}

/** The Cohort tab's filter over a whole 1,000,000-row table (100,000 series × 10), both ways it
 * could be done: the server asking DuckDB (filterTable), or the page's parquet worker decoding the
 * filter columns of every row group with hyparquet (timed here in Node, from bytes in memory, so
 * without the fetch) and the bytes it would fetch. Medians of `repeats`, alternated. */
async function wholeTableFilter(dir: string, repeats: number): Promise<void> {
  const run = join(dir, 'filter-large');
  await writeLargeFeaturesRun(run, 100_000, 10);
  const path = join(run, 'features.parquet');
  const text = largeSeriesUid(9999).toLowerCase();
  const file = (await readFile(path)).buffer;
  const metadata = parquetMetadata(file);
  const columns = ['ibsi_code', 'name', 'family', 'filter', 'series'];
  let columnBytes = 0;
  for (const g of metadata.row_groups)
    for (const c of g.columns)
      if (columns.includes(c.meta_data?.path_in_schema[0] ?? ''))
        columnBytes += Number(c.meta_data?.total_compressed_size ?? 0);
  const duck: number[] = [];
  const scan: number[] = [];
  let counts: number[] = [];
  for (let r = 0; r < repeats; r++) {
    let t0 = performance.now();
    const d = await filterTable(path, { text, min: null, max: null }, 0, 1000);
    duck.push(performance.now() - t0);
    t0 = performance.now();
    const hits = new Set<number>();
    await parquetRead({
      file,
      metadata,
      columns,
      compressors: parquetCompressors,
      onChunk: ({ columnData, rowStart }) => {
        for (let i = 0; i < columnData.length; i++)
          if (String(columnData[i]).toLowerCase().includes(text)) hits.add(rowStart + i);
      },
    });
    scan.push(performance.now() - t0);
    counts = [d.count, hits.size];
  }
  report({
    name: 'cohort-whole-table-filter',
    rows: Number(metadata.num_rows),
    fileBytes: file.byteLength,
    matches: counts[0],
    serverDuckdbMs: Math.round(median(duck)),
    workerScanMs: Math.round(median(scan)),
    workerScanMatches: counts[1],
    workerScanFetchBytes: columnBytes,
    repeats,
    load1: load1(),
  });
}

export async function run(): Promise<void> {
  const count = Number(process.env.COHORT_BENCH_SERIES ?? 24);
  const repeats = Number(process.env.COHORT_BENCH_REPEATS ?? 5);
  // COHORT_BENCH_ONLY=queue: the queue's overhead alone (needs REDIS_URL).
  const only = process.env.COHORT_BENCH_ONLY;
  const shape = { slices: 8, size: 64 };
  const dir = await mkdtemp(join(tmpdir(), 'consilium-cohort-bench-'));
  try {
    // COHORT_BENCH_ONLY=compaction or filter: a running run's table refresh, or the Cohort tab's
    // filter over a whole large table, alone.
    if (only === 'compaction' || only === undefined) {
      await compactionRefresh(dir, [1000, 10_000], 20, 100, Math.min(repeats, 3));
      if (only === 'compaction') return;
    }
    if (only === 'filter' || only === undefined) {
      await wholeTableFilter(dir, repeats);
      if (only === 'filter') return;
    }
    const small = await writeCohort(join(dir, 'cohort'), count, shape);
    const cores = availableParallelism();
    const two = Math.min(2, cores);
    if (only !== 'queue') {
      const large = await writeCohort(join(dir, 'cohort2x'), 2 * count, shape);
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
          load1: load1(),
        });
      }
      const big = await features(large.dir, join(dir, 'out-2x'), two);
      report({
        name: 'cohort-features-2x-cohort',
        series: 2 * count,
        jobs: two,
        ms: Math.round(big.ms),
        seriesPerS: Number(((2 * count * 1000) / big.ms).toFixed(2)),
        peakRssMiB: Math.round(big.rssMiB),
        peakRssMiBHalfCohort: Math.round(single.get(two)!.rssMiB),
        load1: load1(),
      });
    }
    const redis = process.env.REDIS_URL;
    if (!redis) {
      report({
        name: 'cohort-queue-overhead',
        skipped: 'REDIS_URL is not set (source scripts/services/services.sh && start_redis)',
      });
      return;
    }
    await queueOverhead(small.dir, dir, two, redis, repeats);
    await statusPoll(redis, [1000, 4000, 16000]);
    if (only === 'queue') return;
    // Whole commands, one after the other: one `features` process against the submit, worker,
    // wait and reduce processes (their start-up is a fixed cost, not one per series).
    const base = await features(small.dir, join(dir, 'out-commands'), two);
    const q = await throughQueue(small.dir, join(dir, 'queue'), two, redis);
    report({
      name: 'cohort-queue-overhead-commands',
      series: count,
      jobs: two,
      singleMs: Math.round(base.ms),
      queueMs: Math.round(q.ms),
      // Mostly the start of three more processes one after the other: once per cohort, not
      // once per series (the per-series figure is cohort-queue-overhead-in-process).
      extraMs: Math.round(q.ms - base.ms),
      overheadPct: Number((((q.ms - base.ms) / base.ms) * 100).toFixed(1)),
      workerPeakRssMiB: Math.round(q.rssMiB),
      load1: load1(),
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
