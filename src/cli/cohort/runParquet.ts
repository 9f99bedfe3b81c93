// A features run's compacted Parquet (parquet.ts) for `consilium serve`, also while the run is
// still going: the table covers the series written when it was compacted, and it is compacted
// again when a page asks after more series are written (the count of series files is the cache
// key, kept in features.parquet.json; series files are only ever added). A run that completed
// before its table was written (`consilium cohort parquet`, or the last compaction) is served as
// is, without listing its series. One compaction at a time per run, however many pages ask.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomic } from '../io/resultsDir.ts';
import { writeFeaturesParquet } from './parquet.ts';

const writing = new Map<string, Promise<RunParquet>>();

export interface RunParquet {
  readonly path: string;
  /** Series files the table holds (null: a completed run's table, not counted here). */
  readonly series: number | null;
}

const mtimeOf = (path: string) =>
  stat(path).then(
    (s) => s.mtimeMs,
    () => null,
  );

async function seriesNames(dir: string): Promise<string[]> {
  return (await readdir(join(dir, 'series')).catch(() => [] as string[]))
    .filter((n) => n.endsWith('.json'))
    .sort();
}

async function fresh(dir: string): Promise<RunParquet> {
  const path = join(dir, 'features.parquet');
  const notePath = `${path}.json`;
  const [written, completed] = await Promise.all([
    mtimeOf(path),
    mtimeOf(join(dir, 'features.jsonl')),
  ]);
  const note = JSON.parse(await readFile(notePath, 'utf8').catch(() => 'null')) as {
    series?: number;
  } | null;
  // Nothing is added to a completed run: a table written after it completed is whole.
  if (written !== null && completed !== null && written >= completed)
    return { path, series: note?.series ?? null };
  const names = await seriesNames(dir);
  if (written !== null && note?.series === names.length) return { path, series: names.length };
  await writeFeaturesParquet(dir, path, names);
  await writeAtomic(notePath, JSON.stringify({ series: names.length }) + '\n');
  return { path, series: names.length };
}

/** <dir>/features.parquet, holding every series written so far; its path. A page asking while it
 * is written gets the same file. */
export function runParquet(dir: string): Promise<RunParquet> {
  const pending = writing.get(dir);
  if (pending) return pending;
  const job = fresh(dir).finally(() => writing.delete(dir));
  writing.set(dir, job);
  return job;
}
