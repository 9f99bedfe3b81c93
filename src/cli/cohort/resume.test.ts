// One machine, real processes: `consilium features --out DIR` stopped by SIGINT part way, then run
// again with --resume, prints and writes exactly what an uninterrupted run does; the interrupted
// folder holds only whole series records and no merged file.
import { spawn, execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCohort } from './testing/cohortFixture.ts';

const run = promisify(execFile);
const cli = 'bin/consilium.mjs';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'consilium-resume-'));
  await writeCohort(join(dir, 'cohort'), 10, { slices: 6, size: 40 });
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

async function seriesFiles(out: string): Promise<string[]> {
  return (await readdir(join(out, 'series')).catch(() => [])).filter((f) => f.endsWith('.json'));
}

/** Starts a run and SIGINTs it once `after` series are written. */
async function interrupted(args: string[], out: string, after: number): Promise<number | null> {
  const child = spawn('node', [cli, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  for (;;) {
    await new Promise((r) => setTimeout(r, 50));
    if ((await seriesFiles(out)).length >= after) break;
    if (child.exitCode !== null) throw new Error('the run finished before it could be interrupted');
  }
  child.kill('SIGINT');
  return exited;
}

describe('features --out/--resume', () => {
  it('SIGINT, then --resume: the same records as an uninterrupted run, byte for byte', async () => {
    const cohort = join(dir, 'cohort');
    const whole = join(dir, 'whole');
    const base = ['features', cohort, '--json', '--jobs', '1'];
    const full = await run('node', [cli, ...base, '--out', whole], { maxBuffer: 1 << 26 });

    const part = join(dir, 'part');
    await interrupted([...base, '--out', part], part, 3);
    const written = await seriesFiles(part);
    expect(written.length).toBeGreaterThanOrEqual(3);
    expect(written.length).toBeLessThan(10);
    // Only whole records: each parses; no merged file for an unfinished run.
    for (const f of written) JSON.parse(await readFile(join(part, 'series', f), 'utf8'));
    await expect(readFile(join(part, 'features.jsonl'))).rejects.toThrow();

    // Progress lines every tick (plain lines: stderr is not a terminal here).
    const resumed = await run('node', [cli, ...base, '--out', part, '--resume'], {
      maxBuffer: 1 << 26,
      env: { ...process.env, CONSILIUM_PROGRESS_MS: '0' },
    });
    expect(resumed.stderr).toContain(`features: ${written.length}/10 series`);
    expect(resumed.stderr).toMatch(
      /features: 10\/10 series, [\d.]+\/s, \d+s elapsed, ETA 0s \(\d+ already done\)/,
    );
    expect(resumed.stdout).toBe(full.stdout);
    expect(await readFile(join(part, 'features.jsonl'))).toEqual(
      await readFile(join(whole, 'features.jsonl')),
    );
    expect((await seriesFiles(part)).sort()).toEqual((await seriesFiles(whole)).sort());
    expect(full.stdout.trim().split('\n')).toHaveLength(10);
  });

  it('refuses a results folder of other settings', async () => {
    const out = join(dir, 'other');
    const cohort = join(dir, 'cohort');
    await run('node', [cli, 'features', join(cohort, 'series-0000'), '--json', '--out', out]);
    const second = await run('node', [
      cli,
      'features',
      join(cohort, 'series-0000'),
      '--json',
      '--out',
      out,
      '--bin-width',
      '5',
    ]).catch((e: { code: number; stderr: string }) => e);
    expect(second).toMatchObject({ code: 2, stderr: expect.stringContaining('results-mismatch') });
  });
});
