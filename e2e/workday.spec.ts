// A researcher's day as a person does it: open radiographs (each its own series), classify them
// all, import labels keyed by SOP UID, analyse every series, look at all results in the wide
// table and export them (Parquet read back by DuckDB, CSV by rows), reload, re-open the files:
// predictions, labels and analysis results are all still there. In English and in Chinese, the
// controls found by their words in each language's locale files.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { imageHeader, writeDicom } from '../src/core/dicom/testing/writeDicom.ts';
import { expect, test } from './fixtures.ts';
import { REFERENCE_IMAGE_SIZE, referenceImages } from './referenceImages.ts';

const FILMS = 12;
const sop = (k: number) => `1.2.826.0.1.3680043.10.16.3.${k + 1}`;

function writeFilms() {
  const dir = mkdtempSync(join(tmpdir(), 'consilium-workday-'));
  const images = referenceImages(Array.from({ length: FILMS }, (_, k) => k % 11));
  const paths = images.map(({ pixels }, k) => {
    const path = join(dir, `film-${String(k + 1).padStart(2, '0')}.dcm`);
    writeFileSync(
      path,
      writeDicom([
        ...imageHeader(REFERENCE_IMAGE_SIZE, REFERENCE_IMAGE_SIZE, 16, false).filter(
          (e) => !(e.tag[0] === 0x0008 && (e.tag[1] === 0x0060 || e.tag[1] === 0x0018)),
        ),
        { tag: [0x0008, 0x0016], vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.1' },
        { tag: [0x0008, 0x0018], vr: 'UI', value: sop(k) },
        { tag: [0x0008, 0x0060], vr: 'CS', value: 'CR' },
        { tag: [0x0010, 0x0020], vr: 'LO', value: `PAT-${k}` },
        { tag: [0x0020, 0x000d], vr: 'UI', value: '1.2.826.0.1.3680043.10.16.1' },
        { tag: [0x0020, 0x000e], vr: 'UI', value: `1.2.826.0.1.3680043.10.16.2.${k + 1}` },
        { tag: [0x7fe0, 0x0010], vr: 'OW', value: pixels },
      ]),
    );
    return path;
  });
  const csv = join(dir, 'labels.csv');
  const truth = images.map((im) =>
    im.probabilities[1] > im.probabilities[0] ? 'pneumonia' : 'normal',
  );
  writeFileSync(csv, `SOPInstanceUID,label\n${truth.map((t, k) => `${sop(k)},${t}`).join('\n')}\n`);
  return { paths, csv, dir };
}

type Vars = Record<string, string | number>;
/** The words the page shows for a key of a namespace in a language (both languages' files). */
function words(lang: string) {
  return (ns: string, key: string, vars: Vars = {}) => {
    const file = join(import.meta.dirname, '..', 'src/app/i18n/locales', lang, `${ns}.json`);
    let node: unknown = JSON.parse(readFileSync(file, 'utf8'));
    for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
    return (node as string).replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k]));
  };
}

async function parquetRows(path: string, sql: string) {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const rows = (await c.runAndReadAll(sql.replace('$file', `'${path}'`))).getRowObjectsJS();
  c.closeSync();
  return rows as Record<string, unknown>[];
}

for (const lang of ['en', 'zh-CN'])
  test(`radiographs: classify all, labels by SOP UID, analyse, export, reload (${lang})`, async ({
    page,
  }) => {
    const tr = words(lang);
    test.setTimeout(300_000);
    const films = writeFilms();
    await page.goto(`/?lang=${lang}`);
    await page.getByTestId('open-files').setInputFiles(films.paths);
    await expect(page.getByTestId('load-progress')).toHaveAttribute('data-done', String(FILMS));

    // Classify all, then labels from the CSV.
    await page.getByRole('tab', { name: tr('panels', 'tab.cases') }).click();
    await page.getByRole('button', { name: tr('cases', 'run.all', { count: FILMS }) }).click();
    await expect(page.getByTestId('cohort-run')).toHaveAttribute('data-status', 'done', {
      timeout: 180_000,
    });
    await page.getByLabel(tr('cases', 'labels.importLabel')).setInputFiles(films.csv);
    const summary = page.getByTestId('cases-summary');
    const all = { shown: FILMS, all: FILMS, classified: FILMS, labelled: FILMS };
    await expect(summary).toContainText(tr('cases', 'summary', all));

    // Whole-image features of every loaded series.
    await page.getByRole('tab', { name: tr('panels', 'tab.analysis') }).click();
    await page.getByRole('radio', { name: tr('analysis', 'run.scope.all') }).check();
    await page.getByRole('button', { name: tr('analysis', 'run.start') }).click();
    await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', {
      timeout: 120_000,
    });

    // All results in the wide table: a row per film; filters narrow the features.
    await page.getByRole('button', { name: tr('results', 'view.openTable') }).click();
    const window = page.getByRole('dialog', { name: tr('results', 'window.title') });
    const count = window.getByTestId('results-count');
    await expect(count).toHaveText(/\d+\D+\d+/);
    const [cases, features] = (await count.textContent())!.match(/\d+/g)!.map(Number);
    expect(cases).toBe(FILMS);
    if (lang !== 'en') {
      // Nothing in the window's bar is left in English (codes and format names stay as they are).
      const codes = /^(CSV|Parquet|IBSI|ROI|GLCM|GLRLM|GLSZM|NGTDM|NGLDM|GLDZM)$/;
      const bar = await window.locator('header').innerText();
      expect((bar.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !codes.test(w))).toEqual([]);
    }
    expect(features).toBeGreaterThan(100);
    await window
      .getByRole('combobox', { name: tr('results', 'filter.family') })
      .selectOption('glcm');
    await expect(count).not.toHaveText(tr('results', 'window.count', { cases: FILMS, features }));
    await window.getByRole('combobox', { name: tr('results', 'filter.family') }).selectOption('');
    // Turned round: a row per feature.
    const grid = window.getByTestId('results-grid');
    await window.getByRole('checkbox', { name: tr('results', 'window.transpose') }).check();
    await expect(grid).toHaveAttribute('aria-rowcount', String(features));
    await window.getByRole('checkbox', { name: tr('results', 'window.transpose') }).uncheck();
    await expect(grid).toHaveAttribute('aria-rowcount', String(FILMS));
    // Sort by the first feature column: its header says so.
    const head = window.locator('.results-head [data-sort-column]').nth(3);
    await head.click();
    await expect(head).toHaveAttribute('aria-sort', 'ascending');

    // Exports: the wide Parquet has a row per film, the long CSV a row per film × feature.
    const [wide] = await Promise.all([
      page.waitForEvent('download'),
      window.getByRole('button', { name: tr('results', 'export.wide.parquet') }).click(),
    ]);
    expect(wide.suggestedFilename()).toMatch(/^features-12-series-[0-9a-f]{8}-wide\.parquet$/);
    const widePath = join(films.dir, wide.suggestedFilename());
    await wide.saveAs(widePath);
    const wideRows = await parquetRows(widePath, 'SELECT * FROM read_parquet($file)');
    expect(wideRows).toHaveLength(FILMS);
    expect(Object.keys(wideRows[0])).toHaveLength(8 + features);
    const [long] = await Promise.all([
      page.waitForEvent('download'),
      window.getByRole('button', { name: tr('results', 'export.long.csv') }).click(),
    ]);
    const longPath = join(films.dir, long.suggestedFilename());
    await long.saveAs(longPath);
    const lines = readFileSync(longPath, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1 + FILMS * features);
    await page.keyboard.press('Escape');
    await expect(window).toBeHidden();

    // Reload: images gone, everything else kept; re-open the files and it re-attaches.
    await page.reload();
    const prompt = page.getByTestId('reopen-prompt');
    await expect(prompt).toContainText(
      tr('persist', 'reopen.summary', { count: FILMS, classified: FILMS, labelled: FILMS }),
    );
    await expect(prompt).toContainText(
      tr('persist', 'reopen.analysis', { analysed: FILMS, measured: 0 }),
    );
    await page
      .getByLabel(tr('persist', 'reopen.pickLabel'), { exact: true })
      .setInputFiles(films.paths);
    await expect(prompt).toBeHidden();
    await page.getByRole('tab', { name: tr('panels', 'tab.cases') }).click();
    await expect(summary).toContainText(tr('cases', 'summary', all));
    await page.getByRole('tab', { name: tr('panels', 'tab.analysis') }).click();
    await page.getByRole('button', { name: tr('results', 'view.openTable') }).click();
    await expect(page.getByTestId('results-count')).toHaveText(
      tr('results', 'window.count', { cases: FILMS, features }),
    );
    // The series' names are back beside their results.
    await expect(page.getByTestId('results-grid')).toContainText('film-01.dcm');
  });
