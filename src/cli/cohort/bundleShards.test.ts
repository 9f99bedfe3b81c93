// consilium cohort bundle: an analyze results folder as partner bundles of at most N series, each
// verified on its own by `consilium verify` against the center's public key, together holding
// every series of the single bundle `consilium analyze` writes from the same folder.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shardStudies } from './bundleShards.ts';
import { writeCohort } from './testing/cohortFixture.ts';

const exec = promisify(execFile);
const cli = 'bin/consilium.mjs';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'consilium-shards-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const run = (...args: string[]) =>
  exec('node', [cli, ...args], { maxBuffer: 1 << 24 }).then(
    (r) => ({ ...r, code: 0 }),
    (e: { stdout: string; stderr: string; code: number }) => e,
  );

const featureResults = (verifyOut: string) =>
  Number(/; (\d+) feature results/.exec(verifyOut)?.[1] ?? NaN);

describe('consilium cohort bundle --shard-size', () => {
  it('keeps each study whole, a shard over N only for a study larger than N', () => {
    const studies = [{ files: [1, 2] }, { files: [3] }, { files: [4, 5, 6] }, { files: [7] }];
    expect(shardStudies(studies, 3)).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(shardStudies(studies, 2)).toEqual([[1, 2], [3], [4, 5, 6], [7]]);
    expect(shardStudies(studies, 100)).toEqual([[1, 2, 3, 4, 5, 6, 7]]);
  });

  it('writes verifiable bundles of at most N series holding every series', async () => {
    const input = join(dir, 'ct');
    await writeCohort(input, 5, { slices: 2, size: 12 });
    const key = join(dir, 'collab.key');
    await writeFile(key, 'a shared collaboration key for the shards test\n');
    const sign = join(dir, 'center.jwk');
    const results = join(dir, 'results');
    const whole = await run(
      'analyze',
      input,
      '--no-model',
      '--results',
      results,
      '--out',
      join(dir, 'whole.zip'),
      '--key-file',
      key,
      '--sign-key',
      sign,
      '--jobs',
      '1',
    );
    expect(whole.code, whole.stderr).toBe(0);
    const out = join(dir, 'shards');
    const sharded = await run(
      'cohort',
      'bundle',
      results,
      '--shard-size',
      '2',
      '--out',
      out,
      '--key-file',
      key,
      '--sign-key',
      sign,
      '--center',
      'Shard Center',
    );
    expect(sharded.code, sharded.stderr).toBe(0);
    expect(sharded.stdout).toContain('Wrote 3 bundles');
    const listing = JSON.parse(await readFile(join(out, 'shards.json'), 'utf8')) as {
      shards: { file: string; series: number }[];
    };
    expect(listing.shards.map((s) => s.series)).toEqual([2, 2, 1]);
    let total = 0;
    for (const s of listing.shards) {
      const v = await run('verify', join(out, s.file), '--trust', `${sign}.pub.pem`);
      expect(v.code, v.stdout + v.stderr).toBe(0);
      expect(v.stdout).toContain('Shard Center');
      expect(featureResults(v.stdout)).toBe(s.series);
      total += featureResults(v.stdout);
    }
    const single = await run('verify', join(dir, 'whole.zip'), '--trust', `${sign}.pub.pem`);
    expect(total).toBe(featureResults(single.stdout));
    expect(total).toBe(5);
  });

  it('refuses a folder that holds no analyze results', async () => {
    const features = join(dir, 'features-results');
    const input = join(dir, 'one');
    await writeCohort(input, 1, { slices: 2, size: 8 });
    expect((await run('features', input, '--out', features, '--json')).code).toBe(0);
    const key = join(dir, 'collab.key');
    const r = await run(
      'cohort',
      'bundle',
      features,
      '--shard-size',
      '2',
      '--out',
      join(dir, 'x'),
      '--key-file',
      key,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('holds no analyze results');
  });
});
