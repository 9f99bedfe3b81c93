// Features results as a zstd Parquet long table and SQL over it (DuckDB), checked against the
// run's own JSON records: one row per feature value, the same values.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeCohort } from './testing/cohortFixture.ts';

const exec = promisify(execFile);
let dir: string;
let out: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'consilium-parquet-'));
  await writeCohort(join(dir, 'cohort'), 2, { slices: 3, size: 16 });
  out = join(dir, 'out');
  await exec('node', [
    'bin/consilium.mjs',
    'features',
    join(dir, 'cohort'),
    '--json',
    '--jobs',
    '1',
    '--out',
    out,
  ]);
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

interface Row {
  series: string;
  ibsi_code: string;
  aggregation: string;
  value: number | null;
  n: number;
  compression: string;
}

async function query(sql: string): Promise<Row[]> {
  const { stdout } = await exec('node', [
    'bin/consilium.mjs',
    'query',
    sql,
    '--results',
    out,
    '--json',
  ]);
  return stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Row);
}

it('writes every feature value once, zstd-compressed, queryable by SQL', async () => {
  await exec('node', ['bin/consilium.mjs', 'cohort', 'parquet', out]);
  const records = (await readFile(join(out, 'features.jsonl'), 'utf8'))
    .trim()
    .split('\n')
    .map(
      (l) =>
        JSON.parse(l) as {
          value: {
            series: string;
            features: { ibsiCode: string; aggregation: string; value: number | null }[];
          };
        },
    );
  const values = records.flatMap((r) =>
    r.value.features.map((f) => ({ series: r.value.series, ...f })),
  );
  expect((await query('select count(*) as n from features'))[0].n).toBe(values.length);
  const codecs = await query(
    `select distinct compression from parquet_metadata('${join(out, 'features.parquet')}')`,
  );
  expect(codecs.map((c) => c.compression)).toEqual(['ZSTD']);
  const rows = await query('select series, ibsi_code, aggregation, value from features');
  // Codes repeat (e.g. intensity-volume histogram at several levels): compared as sorted lists.
  const line = (r: {
    series: string;
    ibsi_code?: string;
    ibsiCode?: string;
    aggregation: string;
    value: number | null;
  }) => `${r.series}|${r.ibsi_code ?? r.ibsiCode}|${r.aggregation}|${r.value}`;
  expect(rows.map(line).sort()).toEqual(values.map(line).sort());
});
