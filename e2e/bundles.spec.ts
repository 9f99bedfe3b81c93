// Two centers, two browser profiles: each exports a signed bundle of whole-image features of the
// same generated study; B trusts A's key (its PEM file), imports A's bundle and compares. The
// expected figures come from the core run on the very bytes the page downloaded.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { unzipSync, zipSync } from 'fflate';
import { compareBundles } from '../src/core/bundle/compare.ts';
import type { Manifest } from '../src/core/bundle/types.ts';
import { verifyBundle } from '../src/core/bundle/verifyBundle.ts';
import { demoSliceFile, newDemoContext } from '../src/core/dicom/demo/demoSeries.ts';
import { expect, test } from './fixtures.ts';

const KEY = 'shared collaboration secret';
const dir = mkdtempSync(join(tmpdir(), 'consilium-bundles-'));

/** A demo series for one patient: the generator's patient ID, made distinct (same length). */
function writePatient(n: number, slices: number) {
  const ctx = newDemoContext({ slices, size: 64 });
  const paths = Array.from({ length: slices }, (_, k) => {
    const bytes = demoSliceFile(ctx, k).bytes;
    const text = Buffer.from(bytes)
      .toString('latin1')
      .replace('CONSILIUM-DEMO', `CONSILIUM-DEM${n}`);
    const path = join(dir, `p${n}-${k}.dcm`);
    writeFileSync(path, Buffer.from(text, 'latin1'));
    return path;
  });
  return { ctx, paths, patientId: `CONSILIUM-DEM${n}` };
}

const p1 = writePatient(1, 6);
const p2 = writePatient(2, 8);
const p3 = writePatient(3, 5);

// Each center's page is watched like the fixtures' page: no other host, no CSP violation.
const foreign: string[] = [];
const violations: string[] = [];

async function openCenter(browser: Browser, files: string[], series: number): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  page.on('request', (r) => {
    if (!/^(http:\/\/127\.0\.0\.1:\d+\/|data:|blob:)/.test(r.url())) foreign.push(r.url());
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles(files);
  await expect(page.getByRole('button', { name: /Axial .* images/ })).toHaveCount(series);
  await page.getByRole('tab', { name: 'Bundles' }).click();
  return page;
}

async function saveDownload(page: Page, click: () => Promise<void>, name: string) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(dir, name);
  await dl.saveAs(path);
  return { path, bytes: new Uint8Array(readFileSync(path)) };
}

async function exportFrom(page: Page, center: string, bins: number, series: number) {
  await page.getByRole('button', { name: 'Export bundle…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export bundle' });
  await dialog.getByLabel('Center name').fill(center);
  await dialog.getByLabel('Collaboration passphrase').fill(KEY);
  await dialog.getByLabel('Bin count').fill(String(bins));
  await dialog.getByRole('button', { name: 'Compute whole-image features' }).click();
  await expect(dialog.getByTestId('feature-count')).toHaveAttribute('data-count', String(series));
  const pem = await saveDownload(
    page,
    () => dialog.getByRole('button', { name: 'Download public key (PEM)' }).click(),
    `${center}.pub.pem`,
  );
  const zip = await saveDownload(
    page,
    () => dialog.getByRole('button', { name: 'Export .zip' }).click(),
    `${center}.zip`,
  );
  await expect(dialog.getByRole('status')).toContainText('Exported');
  return { pem, zip };
}

function phiOf(p: ReturnType<typeof writePatient>): string[] {
  return [p.patientId, p.ctx.studyInstanceUID, p.ctx.seriesInstanceUID, p.ctx.frameOfReferenceUID];
}

function expectNoPhi(bytes: Uint8Array, values: string[]) {
  const text = Buffer.from(bytes).toString('latin1');
  for (const v of values) expect(text.includes(v), `bundle contains ${v}`).toBe(false);
}

test('two centers exchange signed bundles, B verifies, keeps and compares; tampering is rejected', async ({
  browser,
}) => {
  const a = await openCenter(browser, [...p1.paths, ...p2.paths, ...p3.paths], 3);
  await a
    .getByLabel(/^Label for /)
    .first()
    .fill('nodule');
  const fromA = await exportFrom(a, 'Center A', 32, 3);

  const b = await openCenter(browser, [...p1.paths, ...p2.paths], 2);
  const fromB = await exportFrom(b, 'Center B', 16, 2);

  // What the core says about the downloaded bytes.
  const verifiedA = await verifyBundle(fromA.zip.bytes);
  const verifiedB = await verifyBundle(fromB.zip.bytes);
  expect(verifiedA.ok && verifiedB.ok).toBe(true);
  if (!verifiedA.ok || !verifiedB.ok) return;
  const manifestA: Manifest = verifiedA.bundle.manifest;
  expect(manifestA.results.features).toHaveLength(3);
  expect(manifestA.results.features.filter((r) => r.label === 'nodule')).toHaveLength(1);
  expect(verifiedA.bundle.signer).toBeDefined();

  // No identifier of the input is in either downloaded zip, decompressed or not.
  const identifiers = ['Demo^Phantom', 'DEMO0001', ...phiOf(p1), ...phiOf(p2), ...phiOf(p3)];
  for (const zip of [fromA.zip.bytes, fromB.zip.bytes]) {
    expectNoPhi(zip, identifiers);
    for (const member of Object.values(unzipSync(zip))) expectNoPhi(member, identifiers);
  }

  // B trusts A's key and imports A's bundle.
  await b.getByLabel('Partner public key').setInputFiles(fromA.pem.path);
  await expect(
    b.getByRole('list', { name: 'Trusted partner keys' }).getByRole('listitem'),
  ).toHaveCount(1);
  // A's key is trusted, so nothing is asked.
  await b.getByLabel('Import bundle').setInputFiles(fromA.zip.path);
  await expect(b.getByTestId('import-accepted')).toContainText('Center A');
  await expect(b.getByTestId('trust-prompt')).toHaveCount(0);
  const library = b.getByRole('list', { name: 'Bundle library' }).getByRole('listitem');
  await expect(library).toHaveCount(2);
  await expect(library.filter({ hasText: 'Center A' })).toContainText(
    `signed by ${verifiedA.bundle.signer!.slice(0, 16)}… (trusted)`,
  );
  await expect(library.getByTestId('center-claim-warning')).toHaveCount(0);

  // The comparison shows the core's figures (B exported first, so B is the first center).
  const expected = compareBundles([verifiedB.bundle.manifest, manifestA]);
  const withIcc = expected.featureAgreement.filter(
    (f) => f.icc && Number.isFinite(f.icc.icc21) && Number.isFinite(f.icc.icc31),
  );
  expect(withIcc.length).toBeGreaterThan(10);
  await b.getByRole('button', { name: 'Compare bundles…' }).click();
  const view = b.getByRole('dialog', { name: 'Compare bundles' });
  // The view opens on the first feature where the centers differ at all.
  const first = expected.featureAgreement.find((f) => f.blandAltman.some((p) => p.result.sd > 0))!;
  await expect(view.getByTestId('comparison')).toHaveAttribute('data-feature', first.code);
  for (const f of withIcc.slice(0, 5)) {
    const row = view.locator(`tr[data-code="${f.code}"]`);
    await expect(row).toContainText(f.icc!.icc21.toFixed(3));
    await expect(row).toContainText(f.icc!.icc31.toFixed(3));
    await expect(row.locator('td').nth(1)).toHaveText(String(f.n));
  }
  expect(first.n).toBe(2);
  const ba = first.blandAltman[0];
  await expect(
    view.getByRole('img', { name: `Bland-Altman ${ba.a} minus ${ba.b}` }),
  ).toHaveAttribute('data-points', '2');
  await expect(view.locator('figcaption').first()).toContainText(
    `bias ${ba.result.bias.toFixed(3)}`,
  );
  // A's third patient is not in B's bundle: its value is a box of one case for Center A.
  const unmatched = expected.distributions.filter((d) => d.code === first.code);
  expect(unmatched.map((d) => [d.center, d.unmatched.n])).toEqual([['Center A', 1]]);
  await expect(view.getByRole('img', { name: 'Unmatched cases per center' })).toContainText(
    'Center A (n=1)',
  );
  await view.getByRole('button', { name: 'Close' }).click();

  // A bundle with one flipped byte is rejected whole, with its code and reason; nothing is kept.
  const members = unzipSync(fromA.zip.bytes);
  members['features.csv'][10] ^= 0x01;
  const tampered = join(dir, 'tampered.zip');
  writeFileSync(tampered, zipSync(members));
  await b.getByLabel('Import bundle').setInputFiles(tampered);
  await expect(b.getByTestId('import-rejected')).toContainText('MEMBER_HASH_MISMATCH');
  await expect(b.getByTestId('import-rejected')).toContainText('features.csv');
  await expect(library).toHaveCount(2);

  // After a reload the library still lists both bundles (IndexedDB), the tampered one absent.
  await b.reload();
  await b.getByRole('tab', { name: 'Bundles' }).click();
  await expect(library).toHaveCount(2);
  await expect(library.filter({ hasText: 'Center A' })).toHaveCount(1);

  // An encrypted bundle asks for its passphrase; a wrong one rejects it, the right one opens it.
  const dialog = a.getByRole('dialog', { name: 'Export bundle' });
  await dialog.getByText('Encrypt with a passphrase').click();
  await dialog.getByLabel('Bundle passphrase').fill('open sesame');
  const sealed = await saveDownload(
    a,
    () => dialog.getByRole('button', { name: 'Export .zip' }).click(),
    'sealed.zip',
  );
  expect(Buffer.from(sealed.bytes).toString('latin1')).not.toContain('manifest.json');
  await b.getByLabel('Import bundle').setInputFiles(sealed.path);
  await b.getByLabel('Passphrase of the bundle').fill('wrong');
  await b.getByRole('button', { name: 'Open bundle' }).click();
  // A wrong passphrase asks again for the same file, without picking it again.
  await expect(b.getByRole('alert')).toContainText('That passphrase does not open it');
  await expect(library).toHaveCount(2);
  await expect(b.getByLabel('Passphrase of the bundle')).toHaveValue('');
  await b.getByLabel('Passphrase of the bundle').fill('open sesame');
  await b.getByRole('button', { name: 'Open bundle' }).click();
  await expect(b.getByTestId('import-accepted')).toContainText('Center A');
  await expect(library).toHaveCount(3);

  expect(foreign, 'requests to other hosts').toEqual([]);
  expect(violations, 'CSP violations').toEqual([]);
});

/** How many labels the page's IndexedDB holds (written a moment after each change). */
function savedLabels(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('consilium-bundles');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('labels').objectStore('labels').count();
          count.onsuccess = () => {
            resolve(count.result);
            open.result.close();
          };
        };
      }),
  );
}

test('ground-truth labels survive a reload of the page', async ({ browser }) => {
  const page = await openCenter(browser, p1.paths, 1);
  // Typed key by key: letters that are shortcuts elsewhere (P, I, N…) must reach the field.
  await page
    .getByLabel(/^Label for /)
    .first()
    .pressSequentially('pneumonia');
  await expect.poll(() => savedLabels(page)).toBe(1);
  await page.reload();
  await page.getByTestId('open-files').setInputFiles(p1.paths);
  await expect(page.getByRole('button', { name: /Axial .* images/ })).toHaveCount(1);
  await page.getByRole('tab', { name: 'Bundles' }).click();
  await expect(page.getByLabel(/^Label for /).first()).toHaveValue('pneumonia');
  // Clearing it (as a user does: select all, delete) is kept too.
  const input = page.getByLabel(/^Label for /).first();
  await input.press('Control+A');
  await input.press('Delete');
  await expect.poll(() => savedLabels(page)).toBe(0);
  await page.reload();
  await page.getByTestId('open-files').setInputFiles(p1.paths);
  await page.getByRole('tab', { name: 'Bundles' }).click();
  await expect(page.getByLabel(/^Label for /).first()).toHaveValue('');
  await page.context().close();
});
