// A running features run's table, compacted incrementally: each compaction reads only the series
// files written since the last one, and the table of the completed run equals, row by row and in
// order, the one `consilium cohort parquet` writes from every file at once. And the race behind
// a Cohort tab that once kept "1 / 1 series" for a finished 2-series run: the run completing
// between the listing of its series and the check for its merged features.jsonl. A hook in
// readdir completes the run right after the series are listed; with the old order (listing, then
// completion) the folder was reported complete with one series, and its one-series table was
// then served as whole for good.
import * as fs from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { sqlString, writeFeaturesParquet } from './parquet.ts';
import { readRunFolder } from './runFolder.ts';
import { runParquet } from './runParquet.ts';
import { writeFeaturesRunFolder, writeSeriesRecord } from './testing/featuresRunFolder.ts';
import { seriesRecordFile } from './testing/seriesRecordFile.ts';

const hook = vi.hoisted(() => ({
  /** Called once, after the next listing of a series/ folder. */
  afterListing: null as ((seriesDir: string) => void) | null,
  /** Series files read (readFile of series/*.json). */
  seriesReads: [] as string[],
}));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    readdir: (async (...args: Parameters<typeof real.readdir>) => {
      const listed = await real.readdir(...args);
      const f = hook.afterListing;
      if (f && String(args[0]).endsWith('series')) {
        hook.afterListing = null;
        f(String(args[0]));
      }
      return listed;
    }) as typeof real.readdir,
    readFile: (async (...args: Parameters<typeof real.readFile>) => {
      if (/[/\\]series[/\\][^/\\]+\.json$/.test(String(args[0])))
        hook.seriesReads.push(String(args[0]).replace(/^.*[/\\]/, ''));
      return real.readFile(...args);
    }) as typeof real.readFile,
  };
});

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

async function runDir(): Promise<string> {
  const dir = await fs.mkdtemp(join(tmpdir(), 'consilium-run-parquet-'));
  dirs.push(dir);
  await writeFeaturesRunFolder(dir, 'h1');
  return dir;
}

const key = (i: number) => i.toString(16).padStart(32, '0');

/** A series file with the shapes a table must keep: several records (per slice), an error
 * record, a structure ROI, an image filter, a missing value. */
function richSeries(i: number): string {
  const feature = (code: string, value: number | null) => ({
    family: i % 2 ? 'glcm' : 'intensity-statistics',
    ibsiCode: code,
    name: `feature ${code}`,
    aggregation: '2D',
    unit: 'HU',
    value,
  });
  return JSON.stringify({
    key: key(i),
    series: `1.2.3.${i}`,
    records: [
      {
        ok: true,
        value: {
          series: `1.2.3.${i}`,
          file: `/in/${i}/a.dcm`,
          slice: 0,
          roi: { kind: 'structure', structure: `GTV ${i}` },
          params: { filter: i % 3 ? { kind: 'log', sigma: 1 } : undefined },
          features: [feature('A', i / 7), feature('B', null)],
        },
      },
      { ok: false, error: { code: 'decode-failed', reason: 'bad frame', params: {} } },
      {
        ok: true,
        value: {
          series: `1.2.3.${i}`,
          slice: 1,
          roi: { kind: 'whole' },
          features: [feature('A', -i), feature('C', i * 1e-9)],
        },
      },
    ],
  });
}

async function rows(path: string): Promise<unknown[][]> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const r = await c.runAndReadAll(`SELECT * FROM read_parquet(${sqlString(path)})`);
  const out = r.getRowsJS() as unknown[][];
  c.closeSync();
  return out;
}

describe('incremental compaction', () => {
  it('reads only the series written since the last compaction; the completed table is the whole one', async () => {
    const dir = await runDir();
    // Written out of name order, as workers finish them.
    // Ten parts: past eight, they are merged into one.
    const batches = [[5, 1, 9], [3], [], [8, 2, 7, 4], [10], [11], [12], [13], [14], [15], [0, 6]];
    for (const [b, batch] of batches.entries()) {
      for (const i of batch)
        await fs.writeFile(join(dir, 'series', `${key(i)}.json`), richSeries(i));
      if (b === batches.length - 1) await fs.writeFile(join(dir, 'features.jsonl'), '');
      hook.seriesReads = [];
      const t = await runParquet(dir);
      expect(hook.seriesReads.sort()).toEqual(batch.map((i) => `${key(i)}.json`).sort());
      expect(t.series).toBe(batches.slice(0, b + 1).flat().length);
      // At every step, the rows a whole compaction of the same series writes; once the run has
      // completed, in its order too.
      const whole = join(dir, `whole-${b}.parquet`);
      await writeFeaturesParquet(dir, whole);
      const [got, want] = [await rows(t.path), await rows(whole)];
      if (b === batches.length - 1) expect(got).toEqual(want);
      else
        expect(got.map((r) => JSON.stringify(r)).sort()).toEqual(
          want.map((r) => JSON.stringify(r)).sort(),
        );
    }
    // 16 series × 4 values, from at most eight parts.
    expect((await rows(join(dir, 'features.parquet'))).length).toBe(64);
    const parts = (await fs.readdir(join(dir, 'features.parts'))).filter((n) =>
      n.endsWith('.parquet'),
    );
    expect(parts.length).toBeLessThanOrEqual(8);
    // Complete: served as it is, nothing listed or read again.
    hook.seriesReads = [];
    const { mtimeMs } = await fs.stat(join(dir, 'features.parquet'));
    await runParquet(dir);
    expect(hook.seriesReads).toEqual([]);
    expect((await fs.stat(join(dir, 'features.parquet'))).mtimeMs).toBe(mtimeMs);
  });

  it('a part left unlisted by a crash is written again, its series once in the table', async () => {
    const dir = await runDir();
    await fs.writeFile(join(dir, 'series', `${key(1)}.json`), richSeries(1));
    await runParquet(dir);
    await fs.appendFile(join(dir, 'features.parts', 'parts.jsonl'), '{"part":"torn');
    await fs.writeFile(join(dir, 'series', `${key(2)}.json`), richSeries(2));
    const t = await runParquet(dir);
    expect((await rows(t.path)).length).toBe(8);
  });
});

describe('a run completing while its folder is read', () => {
  /** A run of two series, the first written; the hook writes the second and completes the run
   * just after the next listing of its series. */
  async function finishingRun(): Promise<string> {
    const dir = await runDir();
    await writeSeriesRecord(dir, key(1), '1.1', [1, 2]);
    hook.afterListing = (seriesDir) => {
      writeFileSync(join(seriesDir, `${key(2)}.json`), seriesRecordFile(key(2), '1.2', [3]));
      writeFileSync(join(seriesDir, '..', 'features.jsonl'), '');
    };
    return dir;
  }

  it('is not reported complete with the series listed before it finished', async () => {
    const dir = await finishingRun();
    const during = await readRunFolder(dir);
    expect(hook.afterListing).toBeNull(); // the run did finish mid-read
    // Complete only with every series counted; else not complete yet (the page polls again).
    expect(during?.complete ? during.done : 2).toBe(2);
    const after = await readRunFolder(dir);
    expect(after).toMatchObject({ complete: true, done: 2 });
  });

  it('its table listed before it finished is compacted again, not served as whole', async () => {
    const dir = await finishingRun();
    await runParquet(dir);
    expect(hook.afterListing).toBeNull();
    const t = await runParquet(dir);
    expect(t.series).toBe(2);
    expect((await rows(t.path)).map((r) => r[12])).toEqual([1, 2, 3]);
  });
});
