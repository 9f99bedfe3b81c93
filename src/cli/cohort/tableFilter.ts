// The Cohort tab's filter over a whole features table (features.parquet), answered by DuckDB on
// the server: a text matched (case-insensitive, as a substring) against the feature's IBSI code,
// name, family, image filter and series, and a value range. The page sends structured
// parameters, never SQL; every one is bound to a prepared statement, none is put into the text.
// It gets the count of matching rows over the whole table and one page of them, as columns.
import type { FilteredRows } from '../../core/cohort/runViews.ts';
import { ProblemError } from '../../core/result.ts';
import { sqlString, withDuckdb } from './parquet.ts';

export type { FilteredRows } from '../../core/cohort/runViews.ts';

export interface TableFilter {
  /** Matched in ibsi_code, name, family, filter and series; empty: every row. */
  readonly text: string;
  /** Values at least / at most these; a row with no value matches no bound. */
  readonly min: number | null;
  readonly max: number | null;
}

export const maxFilterRows = 5000;

const where = `($text = '' OR contains(lower(ibsi_code), $text) OR contains(lower(name), $text)
  OR contains(lower(family), $text) OR contains(lower(filter), $text)
  OR contains(lower(series), $text))
  AND ($min IS NULL OR value >= $min) AND ($max IS NULL OR value <= $max)`;

/** Parses the route's query parameters (text, min, max, offset, limit), or says which is wrong. */
export function parseTableFilter(params: URLSearchParams): {
  filter: TableFilter;
  offset: number;
  limit: number;
} {
  const num = (name: string): number | null => {
    const s = params.get(name);
    if (s === null || s.trim() === '') return null;
    const n = Number(s);
    if (!Number.isFinite(n))
      throw new ProblemError('bad-table-filter', `${name} must be a number, not “${s}”`, {
        name,
        value: s,
      });
    return n;
  };
  const count = (name: string, fallback: number, most: number): number => {
    const n = num(name) ?? fallback;
    if (!Number.isInteger(n) || n < 0 || n > most)
      throw new ProblemError(
        'bad-table-filter',
        `${name} must be a whole number from 0 to ${most}`,
        {
          name,
          value: String(n),
        },
      );
    return n;
  };
  const text = (params.get('text') ?? '').trim().toLowerCase();
  if (text.length > 200)
    throw new ProblemError('bad-table-filter', 'the filter text is longer than 200 characters', {
      name: 'text',
      value: text.slice(0, 20),
    });
  return {
    filter: { text, min: num('min'), max: num('max') },
    offset: count('offset', 0, Number.MAX_SAFE_INTEGER),
    limit: count('limit', 1000, maxFilterRows),
  };
}

/** The rows of the Parquet table at `path` matching `filter`: their count, and `limit` of them
 * from match `offset`, in the table's order. */
export async function filterTable(
  path: string,
  filter: TableFilter,
  offset: number,
  limit: number,
): Promise<FilteredRows> {
  return withDuckdb(async (c) => {
    // The path is the server's own (the run's folder), quoted; the page's values are bound.
    const table = `read_parquet(${sqlString(path)})`;
    const bound = { text: filter.text, min: filter.min, max: filter.max };
    const counted = await c.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`);
    counted.bind(bound);
    const count = Number((await counted.runAndReadAll()).getRowsJS()[0][0]);
    const page = await c.prepare(
      `SELECT series, roi, slice, family, ibsi_code, name, aggregation, filter, unit, value
       FROM ${table} WHERE ${where} LIMIT $limit OFFSET $offset`,
    );
    page.bind({ ...bound, limit, offset });
    const rows = (await page.runAndReadAll()).getRowsJS();
    const col = <T>(i: number, f: (v: unknown) => T) => rows.map((r) => f(r[i]));
    const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
    const number = (v: unknown) =>
      typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'bigint' ? Number(v) : null;
    return {
      count,
      offset,
      length: rows.length,
      series: col(0, text),
      roi: col(1, text),
      slice: col(2, number),
      family: col(3, text),
      ibsiCode: col(4, text),
      name: col(5, text),
      aggregation: col(6, text),
      filter: col(7, text),
      unit: col(8, text),
      value: col(9, number),
    };
  });
}
