// A features run's compacted Parquet (parquet.ts) for `consilium serve`, also while the run is
// still going, compacted incrementally: each compaction reads only the series files written since
// the last one into a new part (<dir>/features.parts/part-*.parquet, listed with the series files
// it holds in parts.jsonl, a line appended per part), then merges the parts into
// <dir>/features.parquet: in the parts' order while the run goes on, and once it has completed in
// the order a whole compaction writes (series files by name), so the final table is the one
// `consilium cohort parquet` writes. Series files never change once written, so a part stays
// right; the JSON of a series is read once per run, not once per refresh (which made a run's
// refreshes cost O(n²) reads); the merge reads Parquet only, in DuckDB. Past maxParts parts, the
// parts are merged into one (the manifest rewritten by rename), so a long run's merge opens a few
// files, not one per refresh. features.parquet.json notes the series count and whether the run had
// completed before its folder was listed: only then is the table whole and served as is.
// One compaction at a time per run, however many pages ask.
import { randomBytes } from 'node:crypto';
import { appendFile, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomic } from '../io/resultsDir.ts';
import { mergeFeaturesParts, writeFeaturesParquet, writeFeaturesPart } from './parquet.ts';

const writing = new Map<string, Promise<RunParquet>>();

/** Parts kept before they are merged into one. */
const maxParts = 8;

export interface RunParquet {
  readonly path: string;
  /** Series files the table holds (null: a completed run's table, not counted here). */
  readonly series: number | null;
}

/** features.parquet.json. */
interface Note {
  readonly series?: number;
  /** The run had completed when its series were listed for this table: nothing more comes. */
  readonly complete?: boolean;
}

/** One line of parts.jsonl: a part and the series files it holds. */
interface PartLine {
  readonly part: string;
  readonly names: readonly string[];
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

/** The parts written so far; a torn last line (a crash while appending) is ignored, its series
 * are read again into a new part. */
async function readParts(partsDir: string): Promise<{ parts: string[]; done: Set<string> }> {
  const text = await readFile(join(partsDir, 'parts.jsonl'), 'utf8').catch(() => '');
  const parts: string[] = [];
  const done = new Set<string>();
  for (const line of text.split('\n')) {
    let p: PartLine;
    try {
      p = JSON.parse(line) as PartLine;
    } catch {
      continue;
    }
    parts.push(join(partsDir, p.part));
    for (const n of p.names) done.add(n);
  }
  return { parts, done };
}

/** A new part's file name: its place among the parts, and random so a part left by a crash is
 * never written over. */
const partName = (index: number) =>
  `part-${String(index).padStart(6, '0')}-${randomBytes(4).toString('hex')}.parquet`;

async function fresh(dir: string): Promise<RunParquet> {
  const path = join(dir, 'features.parquet');
  const notePath = `${path}.json`;
  // Completion before the listing: features.jsonl is renamed into place after every series file,
  // so a listing taken after seeing it is whole. (The other order let a run finish between the
  // two, and a table of the series listed before was then taken as whole for good.)
  const [completed, written] = await Promise.all([
    mtimeOf(join(dir, 'features.jsonl')),
    mtimeOf(path),
  ]);
  const note = JSON.parse(await readFile(notePath, 'utf8').catch(() => 'null')) as Note | null;
  // Whole: listed after the run completed (a run resumed since has a newer features.jsonl), or
  // with no note, written by `consilium cohort parquet` after it completed.
  if (written !== null && completed !== null && written >= completed) {
    if (note?.complete) return { path, series: note.series ?? null };
    if (note === null) return { path, series: null };
  }
  const names = await seriesNames(dir);
  const complete = completed !== null;
  if (written !== null && note?.series === names.length && (note.complete ?? false) === complete)
    return { path, series: names.length };
  const partsDir = join(dir, 'features.parts');
  await mkdir(partsDir, { recursive: true });
  const { parts, done } = await readParts(partsDir);
  const added = names.filter((n) => !done.has(n));
  if (added.length > 0) {
    const part = partName(parts.length);
    await writeFeaturesPart(dir, join(partsDir, part), added);
    await appendFile(
      join(partsDir, 'parts.jsonl'),
      JSON.stringify({ part, names: added } satisfies PartLine) + '\n',
    );
    parts.push(join(partsDir, part));
  }
  if (parts.length > maxParts) {
    const part = partName(parts.length);
    await mergeFeaturesParts(parts, join(partsDir, part), { ordered: false, keepOrder: true });
    await writeAtomic(
      join(partsDir, 'parts.jsonl'),
      JSON.stringify({ part, names: [...done, ...added] } satisfies PartLine) + '\n',
    );
    await Promise.all(parts.map((p) => rm(p, { force: true })));
    parts.splice(0, parts.length, join(partsDir, part));
  }
  if (parts.length === 0) await writeFeaturesParquet(dir, path, []);
  else await mergeFeaturesParts(parts, path, { ordered: complete });
  await writeAtomic(
    notePath,
    JSON.stringify({ series: names.length, complete } satisfies Note) + '\n',
  );
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
