// `cohort submit --command infer|analyze` on real Redis with a real `consilium worker` process
// (REDIS_URL, started by scripts/services/services.sh): one record file per series, named by the
// same content key and holding the same records as a single-process run; submitting again queues
// nothing; an analyze cohort's results make the bundle through `analyze --results DIR --resume`.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readRunFolder } from './runFolder.ts';
import { writeCohort } from './testing/cohortFixture.ts';

const exec = promisify(execFile);
const cli = 'bin/consilium.mjs';
const redis = process.env.REDIS_URL ?? 'redis://127.0.0.1:6390';
let dir: string;
const workers: ChildProcess[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'consilium-cohort-commands-'));
});
afterEach(() => {
  for (const w of workers.splice(0)) if (w.exitCode === null) w.kill('SIGKILL');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  return exec('node', [cli, ...args], { maxBuffer: 1 << 26 }).then(
    (r) => ({ ...r, code: 0 }),
    (e: { stdout: string; stderr: string; code: number }) => e,
  );
}

function worker(queue: string): ChildProcess {
  const child = spawn('node', [cli, 'worker', '--redis', redis, '--queue', queue, '--jobs', '2'], {
    stdio: 'ignore',
  });
  workers.push(child);
  return child;
}

/** Submits, lets one worker compute it all, waits and reduces; returns submit's stderr. */
async function cohortRun(queue: string, command: string, args: string[]): Promise<string> {
  const submitted = await run(
    'cohort',
    'submit',
    ...args,
    '--command',
    command,
    '--redis',
    redis,
    '--queue',
    queue,
  );
  expect(submitted.code, submitted.stderr).toBe(0);
  const id = submitted.stdout.trim();
  worker(queue);
  const waited = await run('cohort', 'wait', id, '--redis', redis, '--poll-ms', '200');
  expect(waited.code, waited.stdout + waited.stderr).toBe(0);
  expect((await run('cohort', 'reduce', id, '--redis', redis)).code).toBe(0);
  return submitted.stderr;
}

/** A series file's records with each line's measured latency left out (it differs per run). */
function withoutLatency(text: string): unknown {
  return JSON.parse(text, (k, v: unknown) => (k === 'latencyMs' ? undefined : v));
}

async function seriesFiles(out: string): Promise<string[]> {
  return (await readdir(join(out, 'series'))).sort();
}

describe('cohort submit --command infer|analyze', () => {
  it('an infer cohort completes with one record file per series, as the single-process run', async () => {
    const input = join(dir, 'cr');
    const fixture = await writeCohort(input, 4, { slices: 3, size: 32, modality: 'CR' });
    const reference = join(dir, 'infer-reference');
    const single = await run('infer', input, '--json', '--out', reference);
    expect(single.code, single.stderr).toBe(0);
    const out = join(dir, 'infer-cohort');
    const queue = `test-infer-${process.pid}-${Date.now()}`;
    await cohortRun(queue, 'infer', [input, '--out', out]);

    const names = await seriesFiles(reference);
    expect(names).toHaveLength(fixture.series.length);
    expect(await seriesFiles(out)).toEqual(names); // same content keys
    for (const n of names) {
      const ours = await readFile(join(out, 'series', n), 'utf8');
      expect(withoutLatency(ours)).toEqual(
        withoutLatency(await readFile(join(reference, 'series', n), 'utf8')),
      );
      // Real predictions, one per image, not error lines.
      const records = (JSON.parse(ours) as { records: { ok: boolean }[] }).records;
      expect(records.map((r) => r.ok)).toEqual([true, true, true]);
    }
    const lines = (text: string) => text.trim().split('\n').map(withoutLatency);
    expect(lines(await readFile(join(out, 'infer.jsonl'), 'utf8'))).toEqual(
      lines(await readFile(join(reference, 'infer.jsonl'), 'utf8')),
    );

    // What the workbench's Cohort tab reads of the folder (consilium serve --cohorts).
    expect(await readRunFolder(out)).toMatchObject({
      command: 'infer',
      done: 4,
      failedSeries: 0,
      complete: true,
      cohort: { series: 4, queue },
    });

    // Submitted again: every series is already in the results folder, nothing is queued.
    const again = await run(
      'cohort',
      'submit',
      input,
      '--command',
      'infer',
      '--redis',
      redis,
      '--queue',
      queue,
      '--out',
      out,
    );
    expect(again.stderr).toContain('4 series, 0 queued, 4 already in');
  });

  it('an analyze cohort gives the single-process series results, and its folder makes the bundle', async () => {
    const input = join(dir, 'ct');
    await writeCohort(input, 3, { slices: 3, size: 16 });
    const reference = join(dir, 'analyze-reference');
    const key = join(dir, 'collab.key');
    await exec('bash', ['-c', `head -c 32 /dev/urandom | base64 > ${key}`]);
    const single = await run(
      'analyze',
      input,
      '--no-model',
      '--bin-width',
      '25',
      '--results',
      reference,
      '--out',
      join(dir, 'single.zip'),
      '--key-file',
      key,
      '--jobs',
      '1',
    );
    expect(single.code, single.stderr).toBe(0);
    const out = join(dir, 'analyze-cohort');
    await cohortRun(`test-analyze-${process.pid}-${Date.now()}`, 'analyze', [
      input,
      '--no-model',
      '--bin-width',
      '25',
      '--out',
      out,
    ]);
    const names = await seriesFiles(reference);
    expect(names).toHaveLength(3);
    expect(await seriesFiles(out)).toEqual(names);
    for (const n of names)
      expect(await readFile(join(out, 'series', n), 'utf8')).toBe(
        await readFile(join(reference, 'series', n), 'utf8'),
      );
    // The bundle from the cohort's folder: every series read back, none computed again.
    const bundled = await run(
      'analyze',
      input,
      '--no-model',
      '--bin-width',
      '25',
      '--results',
      out,
      '--resume',
      '--out',
      join(dir, 'cohort.zip'),
      '--key-file',
      key,
    );
    expect(bundled.code, bundled.stderr).toBe(0);
    expect(bundled.stdout).toContain('3 series analysed');
    const verified = await run('verify', join(dir, 'cohort.zip'), '--allow-untrusted', '--json');
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
  });
});
