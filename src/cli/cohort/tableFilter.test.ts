// The whole-table filter of the Cohort tab (DuckDB, parameters bound): its counts against the
// values the generated table was made from, computed here in plain JavaScript; SQL in the text is
// text; a bad parameter is one clear problem.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { filterTable, parseTableFilter } from './tableFilter.ts';
import { largeSeriesUid, largeValue, writeLargeFeaturesRun } from './testing/largeFeaturesRun.ts';

let dir: string;
let path: string;
const series = 3000;
const features = 10;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'consilium-table-filter-'));
  await writeLargeFeaturesRun(dir, series, features);
  path = join(dir, 'features.parquet');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const params = (p: Record<string, string>) => parseTableFilter(new URLSearchParams(p));

it('counts the matches over the whole table and gives a page of them in the table’s order', async () => {
  // Series 2999 and series 299x, 29xx: the text is a substring of their UID.
  const { filter } = params({ text: largeSeriesUid(299) });
  const r = await filterTable(path, filter, 0, 1000);
  const expected: [number, number][] = [];
  for (let s = 0; s < series; s++)
    if (largeSeriesUid(s).includes(largeSeriesUid(299)))
      for (let f = 0; f < features; f++) expected.push([s, f]);
  expect(r.count).toBe(expected.length);
  expect(r.series).toEqual(expected.map(([s]) => largeSeriesUid(s)));
  expect(r.value).toEqual(expected.map(([s, f]) => largeValue(s, f)));
  // The second page starts where the first stopped.
  const next = await filterTable(path, filter, 5, 3);
  expect(next.ibsiCode).toEqual(expected.slice(5, 8).map(([, f]) => `CODE${f}`));
});

it('filters by value range, with a text or without', async () => {
  const count = (pred: (s: number, f: number) => boolean) => {
    let n = 0;
    for (let s = 0; s < series; s++) for (let f = 0; f < features; f++) if (pred(s, f)) n++;
    return n;
  };
  const a = await filterTable(
    path,
    params({ text: 'CODE7', min: '250', max: '500.5' }).filter,
    0,
    1,
  );
  expect(a.count).toBe(
    count((s, f) => f === 7 && largeValue(s, f) >= 250 && largeValue(s, f) <= 500.5),
  );
  const b = await filterTable(path, params({ min: '990' }).filter, 0, 0);
  expect(b.count).toBe(count((s, f) => largeValue(s, f) >= 990));
  expect(b.length).toBe(0);
});

it('takes SQL in the text as text, and refuses a bad parameter with one problem', async () => {
  const r = await filterTable(path, params({ text: "' OR 1=1 --" }).filter, 0, 10);
  expect(r.count).toBe(0);
  expect(() => params({ min: 'low' })).toThrow(
    expect.objectContaining({ code: 'bad-table-filter' }),
  );
  expect(() => params({ limit: '100000' })).toThrow(
    expect.objectContaining({ code: 'bad-table-filter' }),
  );
});
