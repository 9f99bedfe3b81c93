// The index pass: files of one series found in a folder and inside a zip group into one series,
// read again to the very bytes the walk saw; the series key follows content, not location; a
// results folder names each series' file by command, settings and series.
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sliceFile } from '../cohort/testing/cohortFixture.ts';
import { contentKey, ResultsDir, settingsHash } from './resultsDir.ts';
import { indexSeries, loadSeriesFiles } from './seriesIndex.ts';

let dir: string;
const slices = [0, 1, 2].map((z) => sliceFile(0, z, 8));
const other = sliceFile(1, 0, 8);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'consilium-index-'));
  await mkdir(join(dir, 'a'));
  await writeFile(join(dir, 'a', '1.dcm'), slices[0].bytes);
  await writeFile(join(dir, 'a', '2.dcm'), other.bytes);
  await writeFile(join(dir, 'a', 'notes.txt'), 'not DICOM');
  await writeFile(
    join(dir, 'b.zip'),
    zipSync({ 'x/2.dcm': slices[1].bytes, 'x/3.dcm': slices[2].bytes }),
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it('groups a series found in a folder and a zip, and reads its files again', async () => {
  const index = await indexSeries([join(dir, 'a'), join(dir, 'b.zip')]);
  expect(index.series.map((s) => [s.uid, s.files.length])).toEqual([
    [slices[0].uid, 3],
    [other.uid, 1],
  ]);
  expect(index.problems.map((p) => p.params.file)).toEqual([join(dir, 'a', 'notes.txt')]);
  const files = await loadSeriesFiles(index.series[0]);
  expect(files.map((f) => f.file)).toEqual([
    join(dir, 'a', '1.dcm'),
    join(dir, 'b.zip/x/2.dcm'),
    join(dir, 'b.zip/x/3.dcm'),
  ]);
  expect(files.map((f) => f.bytes)).toEqual(slices.map((s) => s.bytes));
});

it('keys a series by its content wherever it lies', async () => {
  await cp(join(dir, 'a'), join(dir, 'moved'), { recursive: true });
  const [here, there] = await Promise.all([
    indexSeries([join(dir, 'a')]),
    indexSeries([join(dir, 'moved')]),
  ]);
  expect(there.series.map((s) => s.key)).toEqual(here.series.map((s) => s.key));
  const withMore = await indexSeries([join(dir, 'a'), join(dir, 'b.zip')]);
  expect(withMore.series[0].key).not.toBe(here.series[0].key); // more instances: another series
});

it('names a series record by command, settings and series; refuses a folder of other settings', async () => {
  const results = await ResultsDir.open(join(dir, 'out'), 'features', { binWidth: 25, a: [1] });
  // Key order does not change the settings hash.
  expect(results.settingsHash).toBe(settingsHash({ a: [1], binWidth: 25 }));
  expect(results.keyOf('s')).toBe(contentKey('features', results.settingsHash, 's'));
  expect(results.keyOf('s')).not.toBe(contentKey('infer', results.settingsHash, 's'));
  await results.write('k', '{"key":"k","series":"s","records":[]}\n');
  expect(await results.read('k')).toBe('{"key":"k","series":"s","records":[]}\n');
  expect(await results.read('missing')).toBeNull();
  await expect(
    ResultsDir.open(join(dir, 'out'), 'features', { binWidth: 5 }),
  ).rejects.toMatchObject({
    code: 'results-mismatch',
  });
});
