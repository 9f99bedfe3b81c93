// `consilium query "<SQL>"`: SQL over cohort results with DuckDB. With --results DIR the view
// `features` is DIR/features.parquet (written first if missing); any Parquet, CSV or JSON file
// can also be read by path (read_parquet('…')).
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { problemOf } from '../../core/result.ts';
import { parseCommand, parseOrUsage, UsageError } from '../io/commandArgs.ts';
import { sqlString, writeFeaturesParquet } from './parquet.ts';

const usage = `Usage: consilium query "<SQL>" [--results DIR] [--json]
  --results DIR   a features results folder (features --out, cohort submit --out): the view
                  "features" is its long table (series_key, settings_hash, series, file, roi, slice,
                  family, ibsi_code, name, aggregation, filter, unit, value), from
                  DIR/features.parquet, written first when missing
  --json          one JSON object per row (default: tab-separated with a header line)
`;

interface QueryArgs {
  sql: string;
  results?: string;
  json: boolean;
}

function parse(argv: readonly string[]): QueryArgs {
  const { values, positionals } = parseCommand(argv, {
    results: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new UsageError('Give one SQL statement (quoted).');
  return {
    sql: positionals[0],
    ...(values.results ? { results: values.results } : {}),
    json: values.json ?? false,
  };
}

/** DuckDB's 64-bit integers as numbers where they fit, else as decimal strings. */
function plain(_k: string, x: unknown): unknown {
  if (typeof x !== 'bigint') return x;
  return Number.isSafeInteger(Number(x)) ? Number(x) : x.toString();
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'bigint') return v.toString();
  return typeof v === 'object' ? JSON.stringify(v, plain) : String(v);
}

export async function queryCommand(argv: string[]): Promise<number> {
  const args = parseOrUsage(argv, usage, parse);
  if ('exit' in args) return args.exit;
  try {
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    if (args.results) {
      const parquet = join(args.results, 'features.parquet');
      if (
        !(await access(parquet).then(
          () => true,
          () => false,
        ))
      )
        await writeFeaturesParquet(args.results, parquet);
      await c.run(`CREATE VIEW features AS SELECT * FROM read_parquet(${sqlString(parquet)})`);
    }
    const reader = await c.runAndReadAll(args.sql);
    const names = reader.columnNames();
    const rows = reader.getRowObjectsJS();
    if (args.json) {
      for (const r of rows) process.stdout.write(JSON.stringify(r, plain) + '\n');
    } else {
      process.stdout.write(names.join('\t') + '\n');
      for (const r of rows) process.stdout.write(names.map((n) => cell(r[n])).join('\t') + '\n');
    }
    c.closeSync();
    return 0;
  } catch (e) {
    const p = problemOf(e, 'query-failed');
    process.stderr.write(`${p.code}: ${p.reason}\n`);
    return 1;
  }
}
