// The main flows in English and in Simplified Chinese, driven by the words each language shows
// (read from the locale files, so a missing or wrong translation fails the step that needs it).
// In Chinese every visible text and every title/aria-label/placeholder is checked for English
// words: only DICOM terms, units, IBSI names, file names and values from the data may stay.
import type { Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import analysisEn from '../src/app/i18n/locales/en/analysis.json' with { type: 'json' };
import analysisZh from '../src/app/i18n/locales/zh-CN/analysis.json' with { type: 'json' };
import bundlesEn from '../src/app/i18n/locales/en/bundles.json' with { type: 'json' };
import bundlesZh from '../src/app/i18n/locales/zh-CN/bundles.json' with { type: 'json' };
import casesEn from '../src/app/i18n/locales/en/cases.json' with { type: 'json' };
import casesZh from '../src/app/i18n/locales/zh-CN/cases.json' with { type: 'json' };
import fileInputEn from '../src/app/i18n/locales/en/common.fileInput.json' with { type: 'json' };
import fileInputZh from '../src/app/i18n/locales/zh-CN/common.fileInput.json' with { type: 'json' };
import helpEn from '../src/app/i18n/locales/en/help.json' with { type: 'json' };
import helpZh from '../src/app/i18n/locales/zh-CN/help.json' with { type: 'json' };
import panelsEn from '../src/app/i18n/locales/en/panels.json' with { type: 'json' };
import problemsZh from '../src/app/i18n/locales/zh-CN/problems.core.json' with { type: 'json' };
import panelsZh from '../src/app/i18n/locales/zh-CN/panels.json' with { type: 'json' };
import startEn from '../src/app/i18n/locales/en/start.json' with { type: 'json' };
import startZh from '../src/app/i18n/locales/zh-CN/start.json' with { type: 'json' };
import viewerEn from '../src/app/i18n/locales/en/viewer.json' with { type: 'json' };
import viewerZh from '../src/app/i18n/locales/zh-CN/viewer.json' with { type: 'json' };
import { expect, test, writeDemoSeries } from './fixtures.ts';
import { writeReferenceCr } from './inferenceImage.ts';

const words = {
  en: {
    analysis: analysisEn,
    bundles: bundlesEn,
    cases: casesEn,
    fileInput: fileInputEn.fileInput,
    help: helpEn,
    panels: panelsEn,
    start: startEn,
    viewer: viewerEn,
  },
  'zh-CN': {
    analysis: analysisZh,
    bundles: bundlesZh,
    cases: casesZh,
    fileInput: fileInputZh.fileInput,
    help: helpZh,
    panels: panelsZh,
    start: startZh,
    viewer: viewerZh,
  },
};
type Lang = keyof typeof words;

/** A locale string with its {{placeholders}} filled, as i18next fills them. */
function fill(text: string, values: Record<string, string | number> = {}): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => String(values[k] ?? ''));
}

/**
 * Words that may stay in Latin letters in the Chinese interface: DICOM and IBSI terms,
 * abbreviations, units, names of formats and products, and patient directions.
 */
const allowed = new Set(
  [
    'DICOM',
    'DICOMweb',
    'PACS',
    'UID',
    'SOP',
    'ID',
    'ROI',
    'ROIs',
    'CT',
    'MR',
    'CR',
    'SR',
    'SEG',
    'RTSTRUCT',
    'NIfTI',
    'IBSI',
    'GLCM',
    'GLRLM',
    'GLSZM',
    'NGTDM',
    'NGLDM',
    'GLDZM',
    'IVH',
    'HU',
    'mm',
    'px',
    'fps',
    'ms',
    's',
    'Se',
    'Im',
    'AUC',
    'ICC',
    'ROC',
    'CI',
    'SD',
    'Kappa',
    'Bland',
    'Altman',
    'ComBat',
    'PEM',
    'JWK',
    'ECDSA',
    'P',
    'PS',
    'CSV',
    'JSON',
    'YAML',
    'zip',
    'Parquet',
    'WASM',
    'WebGPU',
    'GPU',
    'CPU',
    'PyTorch',
    'PyRadiomics',
    'ONNX',
    'SHA',
    'Consilium',
    'Accession',
    'Number',
    'Instance',
    'Series',
    'Study',
    'W',
    'L',
    'R',
    'A',
    'H',
    'F',
    'B',
    'E',
    'C',
    'I',
    'Z',
    'x',
    'y',
    'z',
    'e',
    'p',
    'n',
    'σ',
    'Shift',
    'TID',
    'STOW',
    'RS',
    'QIDO',
    'WADO',
    'URL',
    'HTTP',
    'Authorization',
    'Bearer',
    'K',
    'Enter',
    'Esc',
    'Home',
    'End',
    'Page',
    'Up',
    'Down',
    'Delete',
    'English',
    // A feature value that is not a number (e.g. a texture feature of a flat ROI).
    'NaN',
  ].map((w) => w.toLowerCase()),
);

/**
 * Parts of the page whose owners have not converted them yet (see the ESLint ignores for
 * i18next/no-literal-string): left out of the check until they are, then delete the entry.
 */
const notYetTranslated = {
  regions: [] as string[],
  texts: [] as string[],
};

/** Latin words on screen in Chinese that are neither allowed nor part of the data shown. */
async function untranslated(page: Page, data: readonly string[]): Promise<string[]> {
  const found = await page.evaluate((skip) => {
    const out: string[] = [];
    const visible = (el: Element) =>
      el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) &&
      // Keyboard keys and code (tags, codes, fingerprints) are the data's own words.
      !el.closest(['kbd', 'code', 'datalist', ...skip].join(', '));
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      const text = n.textContent?.trim();
      if (!parent || !text || !visible(parent)) continue;
      if (parent.closest('select') && !parent.closest('select')!.checkVisibility()) continue;
      out.push(text);
    }
    for (const el of document.body.querySelectorAll('[title], [aria-label], [placeholder]')) {
      if (!visible(el)) continue;
      for (const a of ['title', 'aria-label', 'placeholder']) {
        const v = el.getAttribute(a)?.trim();
        if (v) out.push(`${v} [${a}]`);
      }
    }
    return out;
  }, notYetTranslated.regions);
  const dataWords = new Set(
    data.flatMap((d) => d.toLowerCase().match(/[a-z]+(?:'[a-z]+)*/g) ?? []),
  );
  const offending = new Set<string>();
  for (const text of found.filter((f) => !notYetTranslated.texts.includes(f))) {
    // File names and UIDs are data; numbers with exponents are numbers.
    const plain = text
      .replace(/\[(title|aria-label|placeholder)\]$/, '')
      .replace(/[\w.-]+\.(dcm|zip|csv|pem|json|yaml|yml|onnx)\b/gi, '')
      .replace(/\b\d+(\.\d+)*e[-+]?\d+\b/gi, '')
      // Fingerprints and hashes (hex), IBSI feature codes (four capitals and digits).
      .replace(/\b[0-9a-f]{8,}\b/g, '')
      // URL paths and command lines are typed as shown.
      .replace(/(^|[\s（(])\/[\w./-]*/g, ' ')
      .replace(/consilium [^）)]*/g, '')
      .replace(/\b(?=[0-9A-Z]*[A-Z])[0-9A-Z]{4}\b/g, '');
    const latin = plain.match(/[A-Za-z]+(?:'[A-Za-z]+)*/g) ?? [];
    const bad = latin.filter(
      (w) => !allowed.has(w.toLowerCase()) && !dataWords.has(w.toLowerCase()),
    );
    if (bad.length > 0) offending.add(text);
  }
  return [...offending];
}

/** Real DICOM: a CT series (the demo phantom) and a chest radiograph for the classifier. */
function studyFiles() {
  const ct = writeDemoSeries(6, 128);
  const cr = writeReferenceCr();
  return { paths: [...ct, cr.path], count: ct.length + 1 };
}

// What the data itself says, which stays as written in any language.
const dataWords = [
  // The files' own descriptions and names.
  'Demo CT phantom',
  'Axial 16.67 mm (synthetic)',
  'Consilium^Demo',
  'Reference^Chest',
  'CONSILIUM-DEMO',
  // The model's name and its labels, the center name typed, Chromium's software GPU adapter.
  'pneumonia-cnn',
  'normal',
  'pneumonia',
  'Center Shanghai',
  'google swiftshader',
];

for (const lang of ['en', 'zh-CN'] as const satisfies readonly Lang[]) {
  test(`${lang}: load, view, window, analyse a ROI, classify, export a bundle, the Cases tab`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const w = words[lang];
    const problems: { step: string; texts: string[] }[] = [];
    const check = async (step: string) => {
      if (lang === 'en') return;
      const texts = await untranslated(page, dataWords);
      if (texts.length) problems.push({ step, texts });
    };
    const tab = (id: keyof typeof w.panels.tab) =>
      page.getByRole('tab', { name: w.panels.tab[id], exact: true });

    await page.goto(`/?lang=${lang}`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('heading', { name: w.start.drop })).toBeVisible();
    await check('start page');

    // Load real DICOM files.
    const files = studyFiles();
    await page.getByTestId('open-files').setInputFiles(files.paths);
    await expect(page.getByTestId('load-progress')).toHaveAttribute(
      'data-done',
      String(files.count),
    );

    // View the CT from the case table (the radiograph is named by its file: no description).
    await tab('cases').click();
    const rows = page.getByTestId('case-rows');
    await expect(rows.locator('[role=row]')).toHaveCount(2);
    await rows.locator('[role=row]').filter({ hasNotText: 'reference-cr.dcm' }).click();
    const vp = page.getByTestId('viewport-0');
    await expect(vp).toHaveAttribute('data-rendered', /^0\|/);
    await expect(vp.getByTestId('slice-label')).toHaveText(
      fill(w.viewer.overlay.image, { index: 1, count: 6 }),
    );
    await check('viewer and case table');

    // Window/level: the lung preset by its key, as the overlay says it.
    await page.keyboard.press('6');
    await expect(vp.getByTestId('wl-label')).toHaveText(
      fill(w.viewer.overlay.window, { width: 1500, center: -600 }),
    );

    // The help: shortcuts and the day's workflow.
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: w.help.title });
    await expect(help).toContainText(w.help.shortcut.next);
    await check('help');
    await help.getByRole('button', { name: w.help.close }).click();
    await expect(help).toHaveCount(0);

    // Analysis with a drawn rectangle ROI.
    await tab('analysis').click();
    await page.keyboard.press('b');
    const box = (await vp.boundingBox())!;
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.move(cx - 30, cy - 20);
    await page.mouse.down();
    await page.mouse.move(cx + 30, cy + 20, { steps: 4 });
    await page.mouse.up();
    const rectangle = w.analysis.shape.rectangle.split(' ')[0];
    await expect(page.getByTestId('roi-shape')).toContainText(rectangle);
    await page.getByRole('button', { name: w.analysis.run.start }).click();
    const status = page.getByTestId('run-status');
    await expect(status).toHaveAttribute('data-status', 'done');
    await expect(status).toHaveText(fill(w.analysis.run.done, { total: 1 }));
    await check('analysis');

    // Predictions on the radiograph.
    await tab('cases').click();
    await rows.locator('[role=row]', { hasText: 'reference-cr.dcm' }).click();
    await expect(vp).toHaveAttribute('data-rendered', /^0\|/);
    await tab('predictions').click();
    await page.getByRole('button', { name: w.panels.classify }).click();
    await expect(page.getByRole('list', { name: w.panels.probabilities })).toBeVisible({
      timeout: 60_000,
    });
    await check('predictions');

    // Export a bundle: center, collaboration key, whole-image features, the .zip.
    await tab('bundles').click();
    await check('bundles tab');
    // A native file input draws "Choose File / No file chosen" in the browser's language (English
    // here), out of reach of the text check: none may show; the page's own face stands in.
    const nativeFaces = await page.locator('input[type=file]').evaluateAll(
      (inputs) =>
        inputs.filter((i) => {
          const box = i.getBoundingClientRect();
          return i.checkVisibility({ checkOpacity: true }) && box.width > 1 && box.height > 1;
        }).length,
    );
    expect(nativeFaces).toBe(0);
    await expect(
      page.locator('.file-input-name', { hasText: w.fileInput.none }).first(),
    ).toBeVisible();
    await page.getByRole('button', { name: w.bundles.panel.export }).click();
    const dialog = page.getByRole('dialog', { name: w.bundles.export.title });
    await dialog.getByLabel(w.bundles.export.centerName).fill('Center Shanghai');
    await dialog.getByLabel(w.bundles.collaboration.passphrase).fill('shared secret');
    await dialog.getByRole('button', { name: w.bundles.features.compute }).click();
    // Two series' IBSI features in the worker pool: slow on a loaded machine.
    await expect(dialog.getByTestId('feature-count')).toHaveAttribute('data-count', '2', {
      timeout: 90_000,
    });
    await check('export dialog');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: w.bundles.export.run }).click(),
    ]);
    const name = download.suggestedFilename();
    expect(name).toMatch(/^Center_Shanghai-\d{4}-\d{2}-\d{2}\.zip$/);
    await expect(dialog.getByRole('status')).toHaveText(fill(w.bundles.export.done, { name }));
    await check('bundle exported');
    await dialog.getByRole('button', { name: w.bundles.close, exact: true }).click();

    // A file that is no bundle is refused with its code and the reason in the language.
    const notBundle = join(mkdtempSync(join(tmpdir(), 'consilium-i18n-')), 'not-a-bundle.zip');
    writeFileSync(notBundle, 'not a zip at all');
    await page.getByLabel(w.bundles.import.label, { exact: true }).setInputFiles(notBundle);
    const rejected = page.getByTestId('import-rejected');
    await expect(rejected).toContainText('NOT_A_ZIP');
    if (lang === 'zh-CN') await expect(rejected).toContainText(problemsZh.NOT_A_ZIP);
    await check('bundle refused');

    // The Cases tab: its summary and headers in the language, the prediction in its row.
    await tab('cases').click();
    await expect(page.getByTestId('cases-summary')).toHaveText(
      fill(w.cases.summary, { shown: 2, all: 2, classified: 1, labelled: 0 }),
    );
    await expect(page.getByRole('columnheader', { name: w.cases.column.prediction })).toBeVisible();
    await check('cases tab');

    expect(problems, 'English words left in the Chinese interface').toEqual([]);
  });
}

test('switching the language changes the interface at once and is remembered', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('tab', { name: panelsEn.tab.analysis })).toBeVisible();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('tab', { name: panelsZh.tab.analysis })).toBeVisible();
  await expect(page.getByRole('heading', { name: startZh.drop })).toBeVisible();
  await expect(page.getByRole('combobox', { name: '语言' })).toHaveValue('zh-CN');
  // The choice is kept for this browser.
  await page.reload();
  await expect(page.getByRole('tab', { name: panelsZh.tab.cases })).toBeVisible();
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(page.getByRole('tab', { name: panelsEn.tab.cases })).toBeVisible();
});
