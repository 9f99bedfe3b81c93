// Features results as one long Parquet table (zstd): a row per feature value of every record in a
// results folder, written by DuckDB from the series record files, so 100,000 series are one file
// that DuckDB (`consilium query`), pandas or hyparquet read without JSON parsing.
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { ProblemError } from '../../core/result.ts';
import { partialPath, type SeriesRecordFile } from '../io/resultsDir.ts';

/** The table's columns, in order (DuckDB types). */
export const parquetColumns = {
  series_key: 'VARCHAR',
  settings_hash: 'VARCHAR',
  series: 'VARCHAR',
  file: 'VARCHAR',
  roi: 'VARCHAR',
  slice: 'INTEGER',
  family: 'VARCHAR',
  ibsi_code: 'VARCHAR',
  name: 'VARCHAR',
  aggregation: 'VARCHAR',
  filter: 'VARCHAR',
  unit: 'VARCHAR',
  value: 'DOUBLE',
} as const;

interface FeatureRecordValue {
  series?: string;
  file?: string;
  slice?: number;
  roi?: { kind?: string; structure?: string };
  params?: { filter?: unknown };
  features?: {
    family?: string;
    ibsiCode: string;
    name: string;
    aggregation: string;
    unit: string;
    value: number | null;
  }[];
}

function filterOf(params: FeatureRecordValue['params']): string {
  const f = params?.filter;
  if (!f) return '';
  if (typeof f === 'string') return f;
  return typeof f === 'object' && 'kind' in f
    ? String((f as { kind: unknown }).kind)
    : JSON.stringify(f);
}

/** `s` as an SQL string literal (quotes doubled): for the server's own paths, never the page's
 * values (those are bound). */
export function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

let instance: Promise<DuckDBInstance> | null = null;

/** One in-memory DuckDB for the process: starting one costs 0.1–0.2 s, twice per refresh of a
 * running run's table otherwise. */
export function duckdb(): Promise<DuckDBInstance> {
  return (instance ??= DuckDBInstance.create(':memory:'));
}

/** Runs `work` on a connection of the process's DuckDB, closed after it whether or not it fails
 * (a failed COPY too). */
export async function withDuckdb<T>(work: (c: DuckDBConnection) => Promise<T>): Promise<T> {
  const c = await (await duckdb()).connect();
  try {
    return await work(c);
  } finally {
    c.closeSync();
  }
}

/** How the table is written: zstd, and row groups of 64 Ki rows, so a reader over HTTP ranges
 * (the Cohort tab) can fetch a window of rows without most of a large file (DuckDB's default is
 * 122,880 rows). */
export const parquetCopyOptions = 'FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 65536';

/** Hidden columns of a part of a table compacted while its run goes on (runParquet.ts): the series
 * file a row came from and its place in it, so the parts merge into the order of a whole
 * compaction (series files by name, then their rows as written). */
export const partOrderColumns = { _file: 'VARCHAR', _row: 'INTEGER' } as const;

async function runJson(dir: string): Promise<{ settingsHash?: string }> {
  const run = JSON.parse(await readFile(join(dir, 'run.json'), 'utf8').catch(() => '{}')) as {
    command?: string;
    settingsHash?: string;
  };
  if (run.command !== 'features')
    throw new ProblemError(
      'not-features',
      `${dir} holds no features results (no run.json of a features run)`,
      { file: dir },
    );
  return run;
}

/** Writes <dir>/features.parquet (or `out`) from <dir>/series/*.json (or the series files
 * `names` of it, for a run still being written); returns the row count. */
export async function writeFeaturesParquet(
  dir: string,
  out = join(dir, 'features.parquet'),
  names?: readonly string[],
): Promise<number> {
  const run = await runJson(dir);
  names ??= (await readdir(join(dir, 'series'))).filter((n) => n.endsWith('.json')).sort();
  return writeRows(dir, run, names, out, false);
}

/** Writes a part of a run's table: the rows of the series files `names` only, with the hidden
 * order columns (partOrderColumns); returns the row count. */
export async function writeFeaturesPart(
  dir: string,
  out: string,
  names: readonly string[],
): Promise<number> {
  return writeRows(dir, await runJson(dir), names, out, true);
}

async function writeRows(
  dir: string,
  run: { settingsHash?: string },
  names: readonly string[],
  out: string,
  ordered: boolean,
): Promise<number> {
  const rowsPath = `${out}.rows-${randomBytes(4).toString('hex')}.jsonl`;
  const partial = partialPath(out);
  const rows = createWriteStream(rowsPath);
  let count = 0;
  try {
    for (const n of names) {
      const file = JSON.parse(await readFile(join(dir, 'series', n), 'utf8')) as SeriesRecordFile<{
        ok: boolean;
        value?: FeatureRecordValue;
      }>;
      let inFile = 0;
      for (const r of file.records) {
        if (!r.ok || !r.value?.features) continue;
        const v = r.value;
        const roi = v.roi?.structure ?? v.roi?.kind ?? '';
        for (const f of v.features ?? []) {
          const row = {
            series_key: file.key,
            settings_hash: run.settingsHash ?? '',
            series: v.series ?? file.series,
            file: v.file ?? '',
            roi,
            slice: v.slice ?? null,
            family: f.family ?? '',
            ibsi_code: f.ibsiCode,
            name: f.name,
            aggregation: f.aggregation,
            filter: filterOf(v.params),
            unit: f.unit,
            value: f.value,
            ...(ordered ? { _file: n, _row: inFile++ } : {}),
          };
          if (!rows.write(JSON.stringify(row) + '\n')) await once(rows, 'drain');
          count++;
        }
      }
    }
    await new Promise<void>((resolve, reject) =>
      rows.end((e?: Error | null) => (e ? reject(e) : resolve())),
    );
    const columns = Object.entries({ ...parquetColumns, ...(ordered ? partOrderColumns : {}) })
      .map(([k, t]) => `${k}: ${sqlString(t)}`)
      .join(', ');
    await withDuckdb((c) =>
      c.run(
        `COPY (SELECT * FROM read_json(${sqlString(rowsPath)}, format = 'newline_delimited', columns = {${columns}})) ` +
          `TO ${sqlString(partial)} (${parquetCopyOptions})`,
      ),
    );
    await rename(partial, out);
  } finally {
    rows.destroy();
    await rm(rowsPath, { force: true });
    await rm(partial, { force: true });
  }
  return count;
}

/** Writes `out` from the parts (writeFeaturesPart) of a run's table, without the hidden columns
 * (`keepOrder`: with them, a part of its own). `ordered`: in the order a whole compaction writes
 * (sorting is most of the merge's time, so a run still going gets its parts' rows as they
 * come); `keepOrder` implies unordered. */
export async function mergeFeaturesParts(
  parts: readonly string[],
  out: string,
  { ordered, keepOrder = false }: { ordered: boolean; keepOrder?: boolean },
): Promise<void> {
  const partial = partialPath(out);
  try {
    const list = parts.map(sqlString).join(', ');
    const hidden = Object.keys(partOrderColumns).join(', ');
    const columns = keepOrder ? '*' : `* EXCLUDE (${hidden})`;
    const order = ordered && !keepOrder ? ' ORDER BY _file, _row' : '';
    await withDuckdb((c) =>
      c.run(
        `COPY (SELECT ${columns} FROM read_parquet([${list}])${order}) ` +
          `TO ${sqlString(partial)} (${parquetCopyOptions})`,
      ),
    );
    await rename(partial, out);
  } finally {
    await rm(partial, { force: true });
  }
}
