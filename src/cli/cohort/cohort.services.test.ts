// A cohort on real Redis with real `consilium worker` processes (REDIS_URL, started by
// scripts/services/services.sh): results byte-identical to a single-process run whatever happens
// to the workers or to Redis on the way, nothing computed twice, a poison series listed.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cohortRoutes } from '../serve/cohortRoutes.ts';
import { readRunFolder } from './runFolder.ts';
import { writeCohort } from './testing/cohortFixture.ts';

const exec = promisify(execFile);
const cli = 'bin/consilium.mjs';
const redis = process.env.REDIS_URL ?? 'redis://127.0.0.1:6390';
let dir: string;
let cohort: string;
let reference: string;
const workers: ChildProcess[] = [];
let queues = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'consilium-cohort-'));
  cohort = join(dir, 'cohort');
  await writeCohort(cohort, 8, { slices: 4, size: 32 });
  reference = join(dir, 'reference');
  await exec('node', [cli, 'features', cohort, '--json', '--jobs', '1', '--out', reference]);
}, 120_000);
afterEach(() => {
  for (const w of workers.splice(0)) if (w.exitCode === null) w.kill('SIGKILL');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function queueName(): string {
  return `test-${process.pid}-${Date.now()}-${queues++}`;
}

async function cli$(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  return exec('node', [cli, ...args], { maxBuffer: 1 << 26 }).then(
    (r) => ({ ...r, code: 0 }),
    (e: { stdout: string; stderr: string; code: number }) => e,
  );
}

async function submit(queue: string, out: string, paths = [cohort]): Promise<string> {
  const r = await cli$(
    'cohort',
    'submit',
    ...paths,
    '--command',
    'features',
    '--redis',
    redis,
    '--out',
    out,
    '--queue',
    queue,
  );
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.trim();
}

interface Running {
  child: ChildProcess;
  log: () => string;
}

function worker(queue: string, ...more: string[]): Running {
  const child = spawn(
    'node',
    [cli, 'worker', '--redis', redis, '--queue', queue, '--jobs', '1', ...more],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  workers.push(child);
  let log = '';
  child.stderr!.on('data', (b: Buffer) => (log += b.toString()));
  return { child, log: () => log };
}

async function until(what: () => boolean | Promise<boolean>, ms = 120_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await what())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The run as `consilium serve --cohorts <its parent>` answers it to the Cohort tab. */
async function servedRun(out: string, id: string): Promise<unknown> {
  const { route } = cohortRoutes({ runs: join(out, '..') });
  const server = createServer((req, res) => void route(req, res, {}));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  try {
    const { port } = server.address() as AddressInfo;
    const body = (await (await fetch(`http://127.0.0.1:${port}/api/cohorts/${id}`)).json()) as {
      value: unknown;
    };
    return body.value;
  } finally {
    server.close();
  }
}

const count = (log: string, word: string) =>
  log.split('\n').filter((l) => l.includes(` ${word} `)).length;

/** Every series file of `out` byte-identical to the single-process run's, and nothing more. */
async function expectSameAsReference(out: string): Promise<void> {
  const names = (await readdir(join(reference, 'series'))).sort();
  expect((await readdir(join(out, 'series'))).sort()).toEqual(names);
  for (const n of names)
    expect(await readFile(join(out, 'series', n))).toEqual(
      await readFile(join(reference, 'series', n)),
    );
  expect(await readFile(join(out, 'features.jsonl'))).toEqual(
    await readFile(join(reference, 'features.jsonl')),
  );
}

describe('consilium cohort on Redis', () => {
  it('a worker SIGKILLed mid-job: the cohort completes, one record per series, as a single process', async () => {
    const queue = queueName();
    const out = join(dir, 'killed');
    const id = await submit(queue, out);
    const first = worker(queue, '--lock-ms', '1000');
    await until(() => count(first.log(), 'started') >= 2);
    first.child.kill('SIGKILL');
    const second = worker(queue, '--lock-ms', '1000');
    expect((await cli$('cohort', 'wait', id, '--redis', redis, '--poll-ms', '200')).code).toBe(0);
    expect((await cli$('cohort', 'reduce', id, '--redis', redis)).code).toBe(0);
    await expectSameAsReference(out);
    // The killed series ran again on the second worker.
    expect(count(first.log(), 'done') + count(second.log(), 'done')).toBeGreaterThanOrEqual(8);
  });

  it('Redis killed and restarted mid-cohort: nothing lost', async () => {
    const queue = queueName();
    const out = join(dir, 'restarted');
    const id = await submit(queue, out);
    const w = worker(queue, '--lock-ms', '1000');
    await until(() => count(w.log(), 'done') >= 2);
    await exec('bash', ['-c', 'source scripts/services/services.sh && restart_redis']);
    expect((await cli$('cohort', 'wait', id, '--redis', redis, '--poll-ms', '200')).code).toBe(0);
    expect((await cli$('cohort', 'reduce', id, '--redis', redis)).code).toBe(0);
    await expectSameAsReference(out);
  });

  it('the same cohort submitted twice computes nothing again', async () => {
    const queue = queueName();
    const out = join(dir, 'twice');
    const id = await submit(queue, out);
    expect(await submit(queue, out)).toBe(id); // while queued: nothing added
    const w = worker(queue, '--lock-ms', '5000');
    expect((await cli$('cohort', 'wait', id, '--redis', redis, '--poll-ms', '200')).code).toBe(0);
    const again = await cli$(
      'cohort',
      'submit',
      cohort,
      '--command',
      'features',
      '--redis',
      redis,
      '--out',
      out,
      '--queue',
      queue,
    );
    expect(again.stderr).toContain('8 series, 0 queued, 8 already in');
    await new Promise((r) => setTimeout(r, 1000));
    expect(count(w.log(), 'started')).toBe(8);
  });

  it('a poison series is listed with its reason and the rest of the cohort finishes', async () => {
    const queue = queueName();
    const root = join(dir, 'poisoned');
    const fixture = await writeCohort(root, 3, { slices: 3, size: 16 });
    const out = join(dir, 'poisoned-out');
    const id = await submit(queue, out, [root]);
    // Its files vanish after submit: every attempt fails to read them.
    await rm(fixture.series[1].dir, { recursive: true });
    worker(queue, '--lock-ms', '5000');
    const waited = await cli$('cohort', 'wait', id, '--redis', redis, '--poll-ms', '200');
    expect(waited.code).toBe(1);
    expect(waited.stdout).toContain('3 series: 2 done, 0 running, 0 waiting, 1 failed');
    expect(waited.stdout).toMatch(
      new RegExp(
        `FAILED ${fixture.series[1].uid.replace(/\./g, '\\.')} after 3 attempts: .*cannot be read`,
      ),
    );
    // The run views (`consilium serve`'s Cohort tab) see it failed, with why, not still queued.
    const info = (await readRunFolder(out))!;
    expect([info.done, info.gaveUp, info.failedSeries]).toEqual([2, 1, 1]);
    expect(info.failures).toHaveLength(1);
    expect(info.failures[0]).toMatchObject({
      series: fixture.series[1].uid,
      code: 'series-failed',
    });
    expect(info.failures[0].reason).toContain('cannot be read');
    const served = await servedRun(out, 'poisoned-out');
    expect(served).toMatchObject({ state: 'complete', done: 2, total: 3, failedSeries: 1 });
    // Redis no longer holding the job (cleaned), status still lists it failed from its record.
    const [failedFile] = await readdir(join(out, 'failed'));
    const queueOf = new Queue(queue, { connection: { url: redis } });
    expect(await queueOf.remove(failedFile.replace(/\.json$/, ''))).toBe(1);
    await queueOf.close();
    const status = await cli$('cohort', 'status', id, '--redis', redis);
    expect(status.stdout).toContain('3 series: 2 done, 0 running, 0 waiting, 1 failed');
    expect(status.stdout).toMatch(/after 3 attempts: .*cannot be read/);
    const reduced = await cli$('cohort', 'reduce', id, '--redis', redis);
    expect(reduced.code).toBe(1);
    const lines = (await readFile(join(out, 'features.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { ok: boolean; error?: { code: string } });
    expect(lines.map((l) => l.ok)).toEqual([true, false, true]);
    expect(lines[1].error?.code).toBe('series-failed');
    // Its files come back and the cohort is submitted again: the series is computed, and its
    // failure record goes, so neither status, reduce nor the Cohort tab lists it as failed.
    await writeCohort(root, 3, { slices: 3, size: 16 });
    const again = await submit(queue, out, [root]);
    const rewaited = await cli$('cohort', 'wait', again, '--redis', redis, '--poll-ms', '200');
    expect(rewaited.code, rewaited.stdout).toBe(0);
    expect(rewaited.stdout).toContain('3 series: 3 done, 0 running, 0 waiting, 0 failed');
    expect(await readdir(join(out, 'failed'))).toEqual([]);
    expect((await cli$('cohort', 'reduce', again, '--redis', redis)).code).toBe(0);
    expect(await servedRun(out, 'poisoned-out')).toMatchObject({ done: 3, failedSeries: 0 });
  });

  it('a job longer than the lock duration runs once', async () => {
    const queue = queueName();
    const root = join(dir, 'long');
    await writeCohort(root, 1, { slices: 32, size: 80 });
    const out = join(dir, 'long-out');
    const id = await submit(queue, out, [root]);
    // A 0.5 s lock, renewed every 0.25 s while the series computes in a thread (1.3 s on a
    // quiet machine, longer on a loaded one).
    const w = worker(queue, '--lock-ms', '500');
    expect((await cli$('cohort', 'wait', id, '--redis', redis, '--poll-ms', '200')).code).toBe(0);
    const log = w.log();
    expect(count(log, 'started')).toBe(1);
    expect(log).not.toContain('failed');
    // Each job did outlast its lock several times over (else this proves nothing).
    const at = (word: string) =>
      log
        .split('\n')
        .filter((l) => l.includes(` ${word} `))
        .map((l) => Date.parse(l.split(' ')[0]));
    const [started, done] = [at('started'), at('done')];
    expect(done[0] - started[0]).toBeGreaterThan(1000);
  });
});
