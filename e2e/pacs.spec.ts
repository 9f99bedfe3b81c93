// The workbench opens a study from a real PACS (Orthanc, through the preview server's
// /dicom-web/orthanc/ proxy): configure the server, search, open, scroll; the page asks no
// other host for anything (the fixtures' guard) and the pixels are the series' own. The Bundles
// tab stores the study's reports back, retrieved by WADO-RS and checked by dciodvfy.
import type { Page } from '@playwright/test';
import dcmjs from 'dcmjs';
import { importCollaborationKey } from '../src/core/crypto/hmac.ts';
import { typedSecretBytes } from '../src/core/crypto/secret.ts';
import { pseudonymousUid } from '../src/core/deid/pseudonym.ts';
import { demoSliceFile, newDemoContext } from '../src/core/dicom/demo/demoSeries.ts';
import { newUid } from '../src/core/dicom/demo/uid.ts';
import { fetchTransport, type PlatformFetch } from '../src/core/dicomweb/fetchTransport.ts';
import { dicomwebClient } from '../src/core/dicomweb/http.ts';
import { allSeries } from '../src/core/dicomweb/qido.ts';
import { storeInstances } from '../src/core/dicomweb/stow.ts';
import { seriesMetadata, storedInstance } from '../src/core/dicomweb/wado.ts';
import { dciodvfyErrors } from './dciodvfy.ts';
import { canvasAt, expect, test } from './fixtures.ts';
import { addPacs, pacsStudyRow } from './pacsOpen.ts';

const orthanc = `${process.env.ORTHANC_URL ?? 'http://127.0.0.1:8043'}/dicom-web`;
const SLICES = 20;
const patientId = `E2E-${newUid().slice(-12)}`;
let studyUid = '';
/** The SOP Instance UID of each slice, in slice order. */
const sops: string[] = [];

/** The demo series under a patient ID of its own, so a search finds this run's study only. */
function series(): Uint8Array[] {
  const ctx = newDemoContext({ slices: SLICES, size: 128 });
  studyUid = ctx.studyInstanceUID;
  return Array.from({ length: SLICES }, (_, k) => {
    const file = dcmjs.data.DicomMessage.readFile(demoSliceFile(ctx, k).bytes.slice().buffer);
    file.dict['00100020'] = { vr: 'LO', Value: [patientId] };
    sops.push(String(file.dict['00080018']?.Value?.[0]));
    return new Uint8Array(file.write());
  });
}

const client = dicomwebClient(
  { baseUrl: orthanc },
  fetchTransport(fetch as unknown as PlatformFetch, AbortSignal),
);
const passphrase = `research ${newUid().slice(-8)}`;

test.beforeAll(async () => {
  await storeInstances(client, series());
});

/** Adds the proxied Orthanc, finds this run's study and opens it. */
async function openFromPacs(page: Page): Promise<void> {
  const row = await pacsStudyRow(page, { patientId, modality: 'CT' });
  await expect(row).toContainText('Demo Phantom');
  await expect(row).toHaveAttribute('data-study-uid', studyUid);
  await row.getByRole('button', { name: 'Open' }).click();
}

/** The study's SR as the PACS gives it back by WADO-RS, and dciodvfy's errors on it. */
async function storedReport(study: string): Promise<{ bytes: Uint8Array; errors: string[] }> {
  const sr = (await allSeries(client, study)).find((s) => s.modality === 'SR');
  expect(sr, `an SR series in study ${study}`).toBeDefined();
  const ref = { studyInstanceUid: study, seriesInstanceUid: sr!.seriesInstanceUid };
  const metas = await seriesMetadata(client, ref);
  const bytes = await storedInstance(client, ref, String(metas[0]['00080018'].Value![0]));
  return { bytes, errors: dciodvfyErrors(bytes, 'report.dcm', 'ComprehensiveSR') };
}

test('searches the PACS, opens a study and scrolls it, through the page’s own origin', async ({
  page,
}) => {
  await openFromPacs(page);

  const vp = page.getByTestId('viewport-0');
  await expect(vp.getByTestId('slice-label')).toHaveText(`Im 1/${SLICES}`);
  await expect(page.getByTestId('pacs-progress')).toHaveAttribute('data-done', String(SLICES));
  await expect(page.getByRole('navigation', { name: 'Studies' })).toContainText('Demo CT phantom');
  // Air at the top, the phantom's body in the middle: the series' own pixels.
  await expect(vp).toHaveAttribute('data-rendered', /^0\|/);
  expect(await canvasAt(page, 0, 0.5, 0.03)).toBe(0);
  expect(await canvasAt(page, 0, 0.5, 0.42)).toBeGreaterThan(90);
  // Scrolling reaches the last slice, every one fetched and decoded.
  await vp.hover();
  await page.keyboard.press('End');
  await expect(vp.getByTestId('slice-label')).toHaveText(`Im ${SLICES}/${SLICES}`);
  await expect(vp).toHaveAttribute('data-rendered', new RegExp(`^${SLICES - 1}\\|`));
  await expect(page.locator('.error-list li')).toHaveCount(0);
});

test('Cancel stops a series still arriving: the slice in hand stays, the stack preloads only then', async ({
  page,
}) => {
  // The series request (read in the PACS series worker) is held as a slow PACS would.
  let held = 0;
  await page.route(
    (url) => /\/dicom-web\/orthanc\/studies\/[^/]+\/series\/[^/]+$/.test(url.pathname),
    () => {
      held++; // never answered: only Cancel ends it
    },
  );
  await openFromPacs(page);
  const progress = page.getByTestId('pacs-progress');
  const vp = page.getByTestId('viewport-0');
  // The viewed slice came by itself before the series request.
  await expect(vp).toHaveAttribute('data-rendered', /^0\|/);
  await expect.poll(() => held).toBe(1);
  await expect(progress).toHaveAttribute('data-done', '1');
  // While the series arrives, the whole-stack preload waits (the shown slice decoded anyway).
  await expect(vp).toHaveAttribute('data-preloaded', '0');
  await progress.getByRole('button', { name: 'Stop loading' }).click();
  await expect(progress.getByRole('status')).toHaveText(
    'Stopped: the images received so far are kept.',
  );
  await expect(progress.getByRole('button', { name: 'Stop loading' })).toHaveCount(0);
  await expect(vp).toHaveAttribute('data-preloaded', '1');
  await expect(vp.getByTestId('slice-label')).toHaveText('Im 1/1');
  await expect(page.locator('.error-list li')).toHaveCount(0);
});

test('while a study still arrives, scrolling shows a slice in hand, decoded when asked for; the stack preload waits', async ({
  page,
}) => {
  // The PACS refuses the series whole, so it comes instance by instance, and its last slice is slow.
  await page.route(
    (url) => /\/dicom-web\/orthanc\/studies\/[^/]+\/series\/[^/]+$/.test(url.pathname),
    (route) => route.fulfill({ status: 400 }),
  );
  let held = false;
  const last = sops[SLICES - 1];
  await page.route(
    (url) => url.pathname.includes(`/instances/${last}`),
    () => {
      held = true; // never answered while the test runs
    },
  );
  await openFromPacs(page);
  const vp = page.getByTestId('viewport-0');
  await expect(page.getByTestId('pacs-progress')).toHaveAttribute('data-done', String(SLICES - 1));
  await expect.poll(() => held).toBe(true);
  await expect(vp).toHaveAttribute('data-preloaded', '0');
  await vp.hover();
  await page.keyboard.press('End');
  await expect(vp.getByTestId('slice-label')).toHaveText(`Im ${SLICES - 1}/${SLICES - 1}`);
  await expect(vp).toHaveAttribute('data-rendered', new RegExp(`^${SLICES - 2}\\|`));
  expect(await canvasAt(page, 0, 0.5, 0.03)).toBe(0); // air above the phantom: its own pixels
  await expect(vp).toHaveAttribute('data-preloaded', '0');
  await expect(page.locator('.error-list li')).toHaveCount(0);
});

test('an unreachable PACS is one plain message in the source’s panel', async ({ page }) => {
  const pacs = await addPacs(page, 'nowhere', '/dicom-web/nowhere');
  await pacs
    .getByRole('form', { name: 'Search the PACS' })
    .getByRole('button', { name: 'Search' })
    .click();
  await expect(pacs.getByRole('alert')).toHaveText(
    'This site serves no PACS named "nowhere": start its server with --pacs nowhere=URL (consilium serve) or CONSILIUM_PACS=nowhere=URL (dev and preview servers), or correct the base URL.',
  );
});

test('the Bundles tab stores the study’s report on the PACS: identified beside the images, pseudonymised into the research study', async ({
  page,
}) => {
  await openFromPacs(page);
  await expect(page.getByTestId('pacs-progress')).toHaveAttribute('data-done', String(SLICES));
  await page.getByRole('tab', { name: 'Bundles' }).click();
  await page.getByRole('button', { name: 'Export bundle…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export bundle' });
  await dialog.getByRole('button', { name: 'Compute whole-image features' }).click();
  await expect(dialog.getByTestId('feature-count')).toHaveAttribute('data-count', '1');
  await dialog.getByRole('button', { name: 'Close' }).click();

  const stow = page.getByRole('group', { name: 'Store reports on a PACS' });
  await stow.getByRole('button', { name: 'Store reports' }).click();
  const outcomes = stow.getByRole('list', { name: 'Stored reports' }).locator('li');
  await expect(outcomes).toHaveText([`Study ${studyUid}: stored.`]);
  const identified = await storedReport(studyUid);
  expect(identified.errors).toEqual([]);
  expect(new TextDecoder('latin1').decode(identified.bytes)).toContain(patientId);

  await stow.getByRole('radio', { name: /^Pseudonymised/ }).check();
  await stow.getByLabel('Collaboration passphrase').fill(passphrase);
  await stow.getByRole('button', { name: 'Store reports' }).click();
  const key = await importCollaborationKey(typedSecretBytes(passphrase));
  const research = await pseudonymousUid(key, studyUid);
  await expect(outcomes).toHaveText([`Study ${studyUid}: stored as study ${research}.`]);
  const pseudonymised = await storedReport(research);
  expect(pseudonymised.errors).toEqual([]);
  const text = new TextDecoder('latin1').decode(pseudonymised.bytes);
  expect(text).not.toContain(patientId);
  expect(text).not.toContain(studyUid);
  await expect(page.locator('.error-list li')).toHaveCount(0);
});
