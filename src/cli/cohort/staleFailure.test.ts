// A series a cohort's workers gave up on (failed/<key>.json) and then computed on one machine with
// --resume into the same folder: its failure record goes when its result is written, so the run
// views, `cohort status` and `reduce` no longer list it as failed.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { readFailureRecords, writeFailureRecord } from './failureRecord.ts';
import { readRunFolder } from './runFolder.ts';
import { writeCohort } from './testing/cohortFixture.ts';

const exec = promisify(execFile);
let dir = '';
afterAll(() => rm(dir, { recursive: true, force: true }));

it('a failure record is removed when its series is computed after all', async () => {
  dir = await mkdtemp(join(tmpdir(), 'consilium-stale-failure-'));
  const inputs = join(dir, 'cohort');
  const fixture = await writeCohort(inputs, 2, { slices: 2, size: 8 });
  const out = join(dir, 'out');
  const features = (...more: string[]) =>
    exec('node', ['bin/consilium.mjs', 'features', inputs, '--jobs', '1', '--out', out, ...more]);
  await features();
  // As a worker leaves it: no record for one series, the reason it gave up instead.
  const [name] = await readdir(join(out, 'series'));
  const key = name.replace(/\.json$/, '');
  await rm(join(out, 'series', name));
  await rm(join(out, 'features.jsonl'));
  await writeFailureRecord(
    { out, key, series: fixture.series[0].uid, file: '/gone/1.dcm', attempts: 3 },
    new Error('the files cannot be read'),
  );
  expect((await readRunFolder(out))!).toMatchObject({ done: 1, gaveUp: 1, failedSeries: 1 });
  await features('--resume');
  expect(await readFailureRecords(out)).toEqual([]);
  expect(await readdir(join(out, 'failed'))).toEqual([]);
  expect((await readRunFolder(out))!).toMatchObject({
    done: 2,
    gaveUp: 0,
    failedSeries: 0,
    failures: [],
    complete: true,
  });
}, 120_000);
