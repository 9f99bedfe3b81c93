// "Export de-identified DICOM" in the Bundles tab: two generated patients are loaded, the shown
// series and then everything is exported; the downloaded zips are unzipped here and every member
// is checked with the core: it parses, it carries the keyed pseudonyms of its UIDs (the ones
// consilium deidentify and the bundles' SR use), and no name, ID, UID, date or time is left.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import dcmjs from 'dcmjs';
import { unzipSync } from 'fflate';
import { importCollaborationKey } from '../src/core/crypto/hmac.ts';
import { shiftDate } from '../src/core/deid/dates.ts';
import { dateOffsetDays, pseudonymousUid } from '../src/core/deid/pseudonym.ts';
import { demoSliceFile, newDemoContext } from '../src/core/dicom/demo/demoSeries.ts';
import { parseInstance } from '../src/core/dicom/parse.ts';
import { expect, test } from './fixtures.ts';

const KEY = 'shared collaboration secret';
const dir = mkdtempSync(join(tmpdir(), 'consilium-deid-e2e-'));

/** A demo series for one patient, with the generator's patient ID made distinct (same length). */
function writePatient(n: number, slices: number, size = 64) {
  const ctx = newDemoContext({ slices, size });
  const paths = Array.from({ length: slices }, (_, k) => {
    const text = Buffer.from(demoSliceFile(ctx, k).bytes)
      .toString('latin1')
      .replace('CONSILIUM-DEMO', `CONSILIUM-DEM${n}`);
    const path = join(dir, `p${n}-${k}.dcm`);
    writeFileSync(path, Buffer.from(text, 'latin1'));
    return path;
  });
  const patientId = `CONSILIUM-DEM${n}`;
  const phi = [
    'Demo^Phantom',
    'Phantom',
    patientId,
    'DEMO0001',
    '20240101',
    ctx.studyInstanceUID,
    ctx.seriesInstanceUID,
    ctx.frameOfReferenceUID,
  ];
  return { ctx, paths, patientId, phi };
}

async function openBundles(page: Page, files: string[], series: number) {
  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles(files);
  await expect(page.getByRole('button', { name: /Axial .* images/ })).toHaveCount(series);
  await page.getByRole('tab', { name: 'Bundles' }).click();
  await page.getByRole('button', { name: 'Export de-identified DICOM…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export de-identified DICOM' });
  await dialog.getByLabel('Collaboration passphrase').fill(KEY);
  return dialog;
}

async function exportZip(page: Page, click: () => Promise<void>, name: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  expect(download.suggestedFilename()).toMatch(/^deidentified-dicom-\d{4}-\d{2}-\d{2}\.zip$/);
  const path = join(dir, name);
  await download.saveAs(path);
  return unzipSync(new Uint8Array(readFileSync(path)));
}

test('the shown series and then all series are exported as de-identified DICOM with no PHI', async ({
  page,
}) => {
  const p1 = writePatient(1, 6);
  const p2 = writePatient(2, 4);
  const dialog = await openBundles(page, [...p1.paths, ...p2.paths], 2);
  await page.getByRole('button', { name: /\b4 images$/ }).click();
  await dialog.getByLabel('Dates in the files').selectOption('shift');
  await expect(dialog.getByLabel('Images to export')).toContainText('Shown series (4 files)');

  const shown = await exportZip(
    page,
    () => dialog.getByRole('button', { name: 'Export de-identified .zip' }).click(),
    'shown.zip',
  );
  await expect(dialog.getByTestId('deid-outcome')).toContainText('4 de-identified files');
  const key = await importCollaborationKey(KEY);
  const study = await pseudonymousUid(key, p2.ctx.studyInstanceUID);
  const series = await pseudonymousUid(key, p2.ctx.seriesInstanceUID);
  const shiftedDate = shiftDate('20240101', await dateOffsetDays(key, p2.patientId, 3650));
  const names = Object.keys(shown);
  expect(names).toHaveLength(4);
  for (const name of names) {
    expect(name).toMatch(new RegExp(`^${study}/${series}/2\\.25\\.\\d+\\.dcm$`));
    const parsed = parseInstance(shown[name], name);
    expect(parsed.ok, name).toBe(true);
    if (!parsed.ok) continue;
    expect(name).toBe(`${study}/${series}/${parsed.meta.sopInstanceUID}.dcm`);
    expect(parsed.meta.patientName).toBe('');
    expect(parsed.meta.studyDate).toBe(shiftedDate);
    const dict = dcmjs.data.DicomMessage.readFile(shown[name].slice().buffer).dict;
    expect(dict['00080030'].Value?.join('') ?? '').toBe(''); // Study Time 120000, emptied
    const text = Buffer.from(shown[name]).toString('latin1');
    for (const v of [...p1.phi, ...p2.phi, ...p2.paths.map((p) => p.slice(dir.length + 1))])
      expect(text.includes(v), `${name} contains ${v}`).toBe(false);
  }

  // Everything loaded, dates removed: both patients, the same pseudonymous UIDs for patient 2.
  await dialog.getByLabel('Images to export').selectOption('all');
  await dialog.getByLabel('Dates in the files').selectOption('remove');
  const all = await exportZip(
    page,
    () => dialog.getByRole('button', { name: 'Export de-identified .zip' }).click(),
    'all.zip',
  );
  await expect(dialog.getByTestId('deid-outcome')).toContainText('10 de-identified files');
  expect(Object.keys(all)).toHaveLength(10);
  for (const name of names) expect(Object.keys(all)).toContain(name);
  for (const [name, bytes] of Object.entries(all)) {
    const parsed = parseInstance(bytes, name);
    expect(parsed.ok, name).toBe(true);
    if (parsed.ok) expect(parsed.meta.studyDate).toBe('');
    const text = Buffer.from(bytes).toString('latin1');
    for (const v of [...p1.phi, ...p2.phi])
      expect(text.includes(v), `${name} has ${v}`).toBe(false);
  }
});

test('an export can be cancelled while the worker runs, and a second one completes', async ({
  page,
}) => {
  const p = writePatient(3, 120, 128);
  const dialog = await openBundles(page, p.paths, 1);
  let downloads = 0;
  page.on('download', () => downloads++);
  await dialog.getByRole('button', { name: 'Export de-identified .zip' }).click();
  await expect(dialog.getByLabel('De-identification progress')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByText('Cancelled.')).toBeVisible();
  await expect(dialog.getByLabel('De-identification progress')).toHaveCount(0);
  const zip = await exportZip(
    page,
    () => dialog.getByRole('button', { name: 'Export de-identified .zip' }).click(),
    'again.zip',
  );
  expect(Object.keys(zip)).toHaveLength(120);
  expect(downloads).toBe(1); // the cancelled export offered nothing
});
