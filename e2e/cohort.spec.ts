// The Cohort tab against a real `consilium serve --cohorts … --cohort-inputs …` (its own port,
// the built dist/): start a features run with options over a generated folder on the server (a
// bad option refused first), watch it complete, read its Parquet table in the page and find
// values equal to the CLI's own run with the same options, long and pivoted, download the file,
// then run analyze; a run with a failed series shows the reason; a filter on a 1,000,000-row
// table counts its matches over the whole table (checked by DuckDB here); served by plain
// `vite preview`, the tab says it has no runs to show. Nothing is
// asked of any host but the page's own, and no CSP violation is reported.
import { test as base, expect, type Page } from '@playwright/test';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { writeCohort } from '../src/cli/cohort/testing/cohortFixture.ts';
import { sqlString } from '../src/cli/cohort/parquet.ts';
import {
  writeFeaturesRunFolder,
  writeSeriesRecord,
} from '../src/cli/cohort/testing/featuresRunFolder.ts';
import {
  largeSeriesUid,
  largeValue,
  writeLargeFeaturesRun,
} from '../src/cli/cohort/testing/largeFeaturesRun.ts';

const exec = promisify(execFile);
const previewOrigin = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;

let root: string;
let server: ChildProcess;
let origin = '';
let uid = '';
let meanIntensity = 0;
let glcm = { ibsiCode: '', value: 0 };

/** Fails the test on a request to any origin but `own`, or on a CSP violation. */
function guard(page: Page, own: () => string): () => void {
  const foreign: string[] = [];
  const violations: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(own()) && !url.startsWith('data:') && !url.startsWith('blob:'))
      foreign.push(url);
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return () => {
    expect(foreign, 'requests to other hosts').toEqual([]);
    expect(violations, 'CSP violations').toEqual([]);
  };
}

const test = base;

/** Writes a series record file of a features run: one whole-image record of `values`. */
/** Opens the Cohort tab of the served page and the run `run` in it. */
async function openRun(page: Page, run: string): Promise<void> {
  await page.goto(`${origin}/`);
  await page.getByRole('tab', { name: 'Cohort' }).click();
  await page.getByRole('button', { name: run }).click();
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  root = mkdtempSync(join(tmpdir(), 'consilium-e2e-cohort-'));
  // A 100,000-series result (10 values each: 1,000,000 rows), and a cohort still running.
  await writeLargeFeaturesRun(join(root, 'runs', 'large-run'), 100_000, 10);
  const live = join(root, 'runs', 'live-run');
  await writeFeaturesRunFolder(live, 'live');
  writeFileSync(join(live, 'cohort.json'), JSON.stringify({ id: 'c-live', series: 3, queue: 'q' }));
  await writeSeriesRecord(live, 'a'.repeat(32), '1.2.3.1', [1.5, 2.5]);
  const fixture = await writeCohort(join(root, 'inputs', 'ct-small'), 2, { slices: 3, size: 16 });
  uid = fixture.series[1].uid;
  // The CLI's own single-machine run, with the options the page will set: the reference values.
  const { stdout } = await exec('node', [
    'bin/consilium.mjs',
    'features',
    join(root, 'inputs', 'ct-small'),
    '--families',
    'intensity-statistics,glcm',
    '--bin-width',
    '10',
    '--json',
  ]);
  const record = stdout
    .trim()
    .split('\n')
    .map(
      (l) =>
        JSON.parse(l) as {
          value: {
            series: string;
            features: { family: string; ibsiCode: string; value: number }[];
          };
        },
    )
    .find((r) => r.value.series === uid)!;
  meanIntensity = record.value.features.find((f) => f.ibsiCode === 'Q4LE')!.value;
  glcm = record.value.features.find((f) => f.family === 'glcm' && Number.isFinite(f.value))!;
  // An earlier run whose one series could not be decoded: its reason is listed.
  const prior = join(root, 'runs', 'prior-run');
  await writeFeaturesRunFolder(prior, '0123456789abcdef');
  writeFileSync(
    join(prior, 'series', 'deadbeefdeadbeefdeadbeefdeadbeef.json'),
    JSON.stringify({
      key: 'deadbeefdeadbeefdeadbeefdeadbeef',
      series: '1.2.3.4.5',
      records: [
        {
          ok: false,
          error: {
            code: 'decode-failed',
            reason: 'the pixel data ends before its last frame',
            params: { file: '/archive/broken/slice-001.dcm' },
          },
        },
      ],
    }),
  );
  server = spawn(
    'node',
    [
      'bin/consilium.mjs',
      'serve',
      '--port',
      '0',
      '--cohorts',
      join(root, 'runs'),
      '--cohort-inputs',
      join(root, 'inputs'),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  origin = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /Consilium at (http:\/\/[^/\s]+)\//.exec(out);
      if (m) resolve(m[1]);
    });
    server.once('exit', (code) => reject(new Error(`consilium serve exited (${code})`)));
  });
});

test.afterAll(() => {
  server?.kill('SIGINT');
  rmSync(root, { recursive: true, force: true });
});

test('a run started from the Cohort tab completes and shows the CLI’s feature values', async ({
  page,
}) => {
  const check = guard(page, () => origin);
  await page.goto(`${origin}/`);
  await page.getByRole('tab', { name: 'Cohort' }).click();

  // The earlier run: one series failed, with its reason.
  const prior = page.locator('[data-testid=cohort-run][data-run=prior-run]');
  await expect(prior.getByTestId('run-failed')).toHaveText('1');
  await prior.getByRole('button', { name: 'prior-run' }).click();
  await expect(page.getByTestId('cohort-failure')).toContainText(
    'the pixel data ends before its last frame',
  );
  await expect(page.getByTestId('cohort-failure')).toContainText('/archive/broken/slice-001.dcm');

  // Start a features run with options: a bad bin width is refused beside its field first.
  await page.getByLabel('Input folder').selectOption('ct-small');
  await page.getByRole('combobox', { name: 'Command' }).selectOption('features');
  await page.getByRole('checkbox', { name: 'intensity-statistics' }).check();
  await page.getByRole('checkbox', { name: 'glcm', exact: true }).check();
  await page.getByRole('combobox', { name: 'Discretisation' }).selectOption('bin-width');
  await page.getByRole('textbox', { name: 'Bin width' }).fill('0');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.locator('[role=alert][data-field=bin-width]')).toHaveText(
    'The bin width must be a number above 0, not “0”.',
  );
  await page.getByRole('textbox', { name: 'Bin width' }).fill('10');
  await page.getByRole('button', { name: 'Start' }).click();
  const detail = page.getByTestId('cohort-detail');
  await expect(detail.getByRole('heading', { level: 3 })).toContainText('ct-small-');
  await expect(detail.getByTestId('detail-state')).toHaveAttribute('data-state', 'complete', {
    timeout: 90_000,
  });
  await expect(detail.getByTestId('run-progress')).toHaveText('2 / 2 series');
  const row = page.locator('[data-testid=cohort-run][data-state=complete]', {
    hasText: 'ct-small-',
  });
  await expect(row.getByTestId('run-progress')).toHaveText('2 / 2 series');

  // Its Parquet table, read in the page: the same values as the CLI's run, to the last bit.
  const results = detail.getByTestId('parquet-results');
  await results.getByRole('searchbox').fill('Q4LE');
  await expect(results.getByTestId('results-count')).toContainText('2 of ');
  const cell = results.locator(
    `[data-testid=feature-row][data-series="${uid}"][data-code=Q4LE] .num`,
  );
  await expect(cell).toHaveAttribute('data-value', String(meanIntensity));
  await expect(cell).toHaveText(
    new Intl.NumberFormat('en', { maximumSignificantDigits: 6 }).format(meanIntensity),
  );
  // Series × feature: a GLCM value (bin width 10 changes it) in its series' row.
  await results.getByRole('searchbox').fill('');
  await results.getByRole('radio', { name: 'Series × feature' }).check();
  await expect(results.getByTestId('pivot-row')).toHaveCount(2);
  await expect(
    results.locator(
      `[data-testid=pivot-row][data-series="${uid}"] [role=cell][data-code=${glcm.ibsiCode}][data-filter=""]`,
    ),
  ).toHaveAttribute('data-value', String(glcm.value));
  // The file itself, downloaded from the page's own origin.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    results.getByRole('link', { name: 'Download features.parquet' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^ct-small-.*\.features\.parquet$/);
  expect(download.url()).toBe(
    `${origin}/api/cohorts/${encodeURIComponent(await detail.getByRole('heading', { level: 3 }).innerText())}/features.parquet`,
  );

  // An analyze run from the form completes too (its bundle is written beside its results).
  await page.getByRole('combobox', { name: 'Command' }).selectOption('analyze');
  await expect(page.getByRole('checkbox', { name: 'glcm', exact: true })).toHaveCount(0);
  // Its model is chosen by name from the server's list (this server: the shipped one only).
  const model = page.getByRole('combobox', { name: 'Model' });
  await expect(model.locator('option')).toHaveText(['pneumonia-cnn 1.0.0 (shipped, the default)']);
  await expect(model).toHaveValue('pneumonia-cnn');
  await page.getByRole('combobox', { name: 'Discretisation' }).selectOption('bin-count');
  await page.getByRole('textbox', { name: 'Bin count' }).fill('16');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(detail.getByTestId('detail-state')).toHaveAttribute('data-state', 'complete', {
    timeout: 90_000,
  });
  await expect(detail.getByTestId('run-progress')).toHaveText('2 / 2 series');
  await expect(
    page.locator('[data-testid=cohort-run][data-state=complete]', { hasText: 'Analysis' }),
  ).toHaveCount(1);
  check();
});

test('a cohort still running shows the values of the series done so far, and more as they finish', async ({
  page,
}) => {
  const check = guard(page, () => origin);
  await openRun(page, 'live-run');
  const detail = page.getByTestId('cohort-detail');
  await expect(detail.getByTestId('detail-state')).toHaveAttribute('data-state', 'queued');
  await expect(detail.getByTestId('results-live')).toBeVisible();
  const results = detail.getByTestId('parquet-results');
  await expect(results.getByTestId('results-count')).toContainText('2 of 2 feature values');
  await expect(
    results.locator('[data-testid=feature-row][data-series="1.2.3.1"][data-code=CODE1] .num'),
  ).toHaveAttribute('data-value', '2.5');
  // A worker writes the next series: the page reads the table again without being asked.
  await writeSeriesRecord(join(root, 'runs', 'live-run'), 'b'.repeat(32), '1.2.3.2', [7.25]);
  await expect(detail.getByTestId('run-progress')).toHaveText('2 / 3 series');
  await expect(results.getByTestId('results-count')).toContainText('3 of 3 feature values');
  await expect(
    results.locator('[data-testid=feature-row][data-series="1.2.3.2"][data-code=CODE0] .num'),
  ).toHaveAttribute('data-value', '7.25');
  check();
});

test('a 100,000-series table opens from byte ranges: its footer and the row groups shown', async ({
  page,
}) => {
  const check = guard(page, () => origin);
  const size = statSync(join(root, 'runs', 'large-run', 'features.parquet')).size;
  const reads: { method: string; status: number; bytes: number; range: string }[] = [];
  page.on('response', async (r) => {
    if (!r.url().includes('/large-run/features.parquet')) return;
    const body = r.request().method() === 'HEAD' ? 0 : (await r.body()).length;
    reads.push({
      method: r.request().method(),
      status: r.status(),
      bytes: body,
      range: r.request().headers()['range'] ?? '',
    });
  });
  await openRun(page, 'large-run');
  const results = page.getByTestId('parquet-results');
  await expect(results.getByTestId('results-window')).toContainText('rows 1–65,536 of 1,000,000');
  // The values shown are the table's: series 3's fourth value.
  await results.getByRole('searchbox').fill(largeSeriesUid(3));
  await expect(
    results.locator(
      `[data-testid=feature-row][data-series="${largeSeriesUid(3)}"][data-code=CODE3] .num`,
    ),
  ).toHaveAttribute('data-value', String(largeValue(3, 3)));
  const fetched = () => reads.filter((r) => r.method === 'GET').reduce((n, r) => n + r.bytes, 0);
  // Every GET was a byte range answered 206, the footer first; far less than the file came.
  expect(reads[0].method).toBe('HEAD');
  const gets = reads.filter((r) => r.method === 'GET');
  expect(gets.length).toBeGreaterThan(1);
  for (const r of gets) {
    expect(r.status).toBe(206);
    expect(r.range).toMatch(/^bytes=\d+-\d+$/);
  }
  expect(Number(/^bytes=\d+-(\d+)$/.exec(gets[0].range)![1])).toBe(size - 1);
  expect(fetched()).toBeLessThan(size / 8);
  // The next rows: only their row groups are fetched, not the footer again.
  const before = gets.length;
  const firstBytes = fetched();
  await results.getByRole('button', { name: 'Next rows' }).click();
  await expect(results.getByTestId('results-window')).toContainText(
    'rows 65,537–131,072 of 1,000,000',
  );
  await results.getByRole('searchbox').fill(largeSeriesUid(6553));
  await expect(
    results.locator(
      `[data-testid=feature-row][data-series="${largeSeriesUid(6553)}"][data-code=CODE6] .num`,
    ),
  ).toHaveAttribute('data-value', String(largeValue(6553, 6)));
  expect(
    reads
      .filter((r) => r.method === 'GET')
      .slice(before)
      .every((r) => r.status === 206),
  ).toBe(true);
  expect(fetched() - firstBytes).toBeLessThan(size / 8);
  console.log(
    JSON.stringify({ file: size, firstWindow: firstBytes, nextWindow: fetched() - firstBytes }),
  );
  check();
});

/** Rows of the large table whose code, name, family, filter or series contain `text` (and whose
 * value is within [min, max]), counted by DuckDB here in Node. */
async function duckCount(text: string, min: number | null, max: number | null): Promise<number> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const path = sqlString(join(root, 'runs', 'large-run', 'features.parquet'));
  const matched = ['ibsi_code', 'name', 'family', 'filter', 'series']
    .map((col) => `contains(lower(${col}), $text)`)
    .join(' OR ');
  const counted = await c.prepare(
    `SELECT count(*) FROM read_parquet(${path}) WHERE (${matched})` +
      (min === null ? '' : ' AND value >= $min') +
      (max === null ? '' : ' AND value <= $max'),
  );
  counted.bind({
    text: text.toLowerCase(),
    ...(min === null ? {} : { min }),
    ...(max === null ? {} : { max }),
  });
  const n = Number((await counted.runAndReadAll()).getRowsJS()[0][0]);
  c.closeSync();
  return n;
}

test('a filter on the 1,000,000-row table searches all of it and counts its matching rows', async ({
  page,
}) => {
  const check = guard(page, () => origin);
  await openRun(page, 'large-run');
  const results = page.getByTestId('parquet-results');
  await expect(results.getByTestId('results-window')).toContainText('rows 1–65,536 of 1,000,000');
  // Series 9,999 and 99,990–99,999: rows 99,990… and 999,900…, far past the first window.
  const text = largeSeriesUid(9999);
  await results.getByRole('searchbox').fill(text);
  const count = await duckCount(text, null, null);
  expect(count).toBe(110);
  await expect(results.getByTestId('results-whole-count')).toHaveAttribute(
    'data-count',
    String(count),
  );
  await expect(results.getByTestId('results-whole-count')).toContainText(
    "110 of the whole table's 1,000,000 rows match",
  );
  await expect(
    results.locator(
      `[data-testid=feature-row][data-series="${largeSeriesUid(99990)}"][data-code=CODE2] .num`,
    ),
  ).toHaveAttribute('data-value', String(largeValue(99990, 2)));
  await expect(results.getByTestId('feature-row').first()).toHaveAttribute(
    'data-series',
    largeSeriesUid(9999),
  );
  // A code and a value range: thousands of rows over the whole table, the window unchanged.
  await results.getByRole('searchbox').fill('CODE3');
  await results.getByRole('spinbutton', { name: 'Value at least' }).fill('999');
  await results.getByRole('spinbutton', { name: 'Value at most' }).fill('999.5');
  const ranged = await duckCount('CODE3', 999, 999.5);
  expect(ranged).toBeGreaterThan(0);
  await expect(results.getByTestId('results-whole-count')).toHaveAttribute(
    'data-count',
    String(ranged),
  );
  const values = await results
    .locator('[data-testid=feature-row] .num')
    .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-value'))));
  expect(values.length).toBeGreaterThan(0);
  for (const v of values) expect(v >= 999 && v <= 999.5).toBe(true);
  await expect(results.getByTestId('results-window')).toContainText('rows 1–65,536 of 1,000,000');
  check();
});

test('the Cohort tab in Chinese', async ({ page }) => {
  const check = guard(page, () => origin);
  await page.goto(`${origin}/?lang=zh-CN`);
  await page.getByRole('tab', { name: '队列' }).click();
  await expect(page.getByRole('button', { name: '启动' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: '失败序列' })).toBeVisible();
  // A refused option, in Chinese, beside its field.
  await page.getByRole('combobox', { name: '离散化' }).selectOption('bin-width');
  await page.getByRole('textbox', { name: '区间宽度' }).fill('wide');
  await page.getByRole('button', { name: '启动' }).click();
  await expect(page.locator('[role=alert][data-field=bin-width]')).toHaveText(
    '区间宽度必须是大于 0 的数，而不是“wide”。',
  );
  check();
});

test('served by plain vite preview, the Cohort tab says there are no runs to show', async ({
  page,
}) => {
  const check = guard(page, () => previewOrigin);
  await page.goto(`${previewOrigin}/`);
  await page.getByRole('tab', { name: 'Cohort' }).click();
  await expect(page.getByTestId('cohort-unavailable')).toContainText(
    'This page is served another way',
  );
  check();
});
