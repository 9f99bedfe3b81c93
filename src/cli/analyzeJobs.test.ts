// `consilium analyze --jobs N` over a generated cohort, real processes and threads: the results
// folder's series records are byte for byte those of `--jobs 1`, and so are the bundle's results;
// a run stopped by SIGINT and resumed on more threads gives them too; and a large whole image
// with fewer series than threads has its feature families split over the spare ones (a
// familyThreadsWorker pool runs) for the same bytes.
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyBundle } from '../core/bundle/verifyBundle.ts';
import { analyzeCommand } from './analyze.ts';
import { writeCohort } from './cohort/testing/cohortFixture.ts';
import { captureCommand } from './io/testing/captureCommand.ts';
import { ThreadPool } from './workerPool.ts';

const run = promisify(execFile);
const cli = 'bin/consilium.mjs';
let dir: string;
let keyFile: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'consilium-analyze-jobs-'));
  keyFile = join(dir, 'collab.key');
  await writeFile(keyFile, 'collaboration key\n');
  await writeCohort(join(dir, 'cohort'), 10, { slices: 6, size: 40 });
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Every series record file of a results folder: name → bytes. */
async function seriesRecords(results: string): Promise<Map<string, Buffer>> {
  const names = (await readdir(join(results, 'series')).catch(() => [] as string[])).filter((f) =>
    f.endsWith('.json'),
  );
  const out = new Map<string, Buffer>();
  for (const f of names.sort()) out.set(f, await readFile(join(results, 'series', f)));
  return out;
}

/** The bundle's results (features and predictions), as the bundle holds them. */
async function bundleResults(zip: string): Promise<string> {
  const v = await verifyBundle(new Uint8Array(await readFile(zip)));
  if (!v.ok) throw new Error(v.error.reason);
  return JSON.stringify(v.bundle.manifest.results);
}

/**
 * Run `name` wrote the series records and bundle results of run `reference` (each a results
 * folder and its `.zip` in dir); `size`, where given, is how many records the reference holds.
 */
async function expectSameRun(name: string, reference: string, size?: number): Promise<void> {
  const want = await seriesRecords(join(dir, reference));
  if (size !== undefined) expect(want.size).toBe(size);
  expect(await seriesRecords(join(dir, name))).toEqual(want);
  expect(await bundleResults(join(dir, `${name}.zip`))).toBe(
    await bundleResults(join(dir, `${reference}.zip`)),
  );
}

/** analyze's arguments for `input` on `jobs` threads, into run `name` (see expectSameRun). */
const analyzeArgs = (input: string, jobs: number, name: string): string[] => [
  input,
  '--no-model',
  '--key-file',
  keyFile,
  '--jobs',
  String(jobs),
  '--results',
  join(dir, name),
  '--out',
  join(dir, `${name}.zip`),
];
const args = (jobs: number, name: string): string[] => [
  'analyze',
  ...analyzeArgs(join(dir, 'cohort'), jobs, name),
];

describe('consilium analyze --jobs', () => {
  it('writes the same series records and bundle results on 3 threads as on 1', async () => {
    await run('node', [cli, ...args(1, 'one')]);
    await run('node', [cli, ...args(3, 'three')]);
    await expectSameRun('three', 'one', 10);
  }, 240_000);

  it('SIGINT on 2 threads, then --resume on 3: the records and results of an uninterrupted run', async () => {
    const part = join(dir, 'part');
    const child = spawn('node', [cli, ...args(2, 'part')], { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    for (;;) {
      await new Promise((r) => setTimeout(r, 50));
      if ((await seriesRecords(part)).size >= 2) break;
      if (child.exitCode !== null) throw new Error('the run finished before it was interrupted');
    }
    child.kill('SIGINT');
    await exited;
    const written = await seriesRecords(part);
    expect(written.size).toBeLessThan(10);
    // Stopped: whole records only, and no bundle.
    for (const text of written.values()) JSON.parse(text.toString());
    await expect(readFile(join(dir, 'part.zip'))).rejects.toThrow();

    const resumed = await run('node', [cli, ...args(3, 'part'), '--resume']);
    expect(resumed.stdout).toContain('10 series analysed');
    await expectSameRun('part', 'one');
  }, 240_000);

  it("splits a large whole image's families over the spare threads, for the same bytes", async () => {
    // 512 × 512 × 16 = 2^22 voxels: the smallest whole image that family threads take.
    const big = join(dir, 'big');
    await writeCohort(big, 1, { slices: 16, size: 512 });
    const pools: string[] = [];
    const spy = vi.spyOn(ThreadPool.prototype, 'run');
    const entries = (): string[] =>
      spy.mock.contexts.map((pool) => String(Reflect.get(pool as object, 'entry')));
    try {
      for (const jobs of [1, 3]) {
        spy.mockClear();
        const r = await captureCommand(analyzeCommand, analyzeArgs(big, jobs, `big-${jobs}`));
        expect(r.code).toBe(0);
        pools.push(entries().some((e) => e.endsWith('/familyThreadsWorker.ts')) ? 'split' : '-');
      }
    } finally {
      spy.mockRestore();
    }
    expect(pools).toEqual(['-', 'split']);
    await expectSameRun('big-3', 'big-1', 1);
  }, 300_000);
});
