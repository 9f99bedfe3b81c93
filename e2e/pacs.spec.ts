// The workbench opens a study from a real PACS (Orthanc, through the preview server's
// /dicom-web/orthanc/ proxy): configure the server, search, open, scroll; the page asks no
// other host for anything (the fixtures' guard) and the pixels are the series' own.
import dcmjs from 'dcmjs';
import { demoSliceFile, newDemoContext } from '../src/core/dicom/demo/demoSeries.ts';
import { newUid } from '../src/core/dicom/demo/uid.ts';
import { fetchTransport, type PlatformFetch } from '../src/core/dicomweb/fetchTransport.ts';
import { dicomwebClient } from '../src/core/dicomweb/http.ts';
import { storeInstances } from '../src/core/dicomweb/stow.ts';
import { canvasAt, expect, test } from './fixtures.ts';

const orthanc = `${process.env.ORTHANC_URL ?? 'http://127.0.0.1:8043'}/dicom-web`;
const SLICES = 20;
const patientId = `E2E-${newUid().slice(-12)}`;
let studyUid = '';

/** The demo series under a patient ID of its own, so a search finds this run's study only. */
function series(): Uint8Array[] {
  const ctx = newDemoContext({ slices: SLICES, size: 128 });
  studyUid = ctx.studyInstanceUID;
  return Array.from({ length: SLICES }, (_, k) => {
    const file = dcmjs.data.DicomMessage.readFile(demoSliceFile(ctx, k).bytes.slice().buffer);
    file.dict['00100020'] = { vr: 'LO', Value: [patientId] };
    return new Uint8Array(file.write());
  });
}

test.beforeAll(async () => {
  const client = dicomwebClient(
    { baseUrl: orthanc },
    fetchTransport(fetch as unknown as PlatformFetch, AbortSignal),
  );
  await storeInstances(client, series());
});

test('searches the PACS, opens a study and scrolls it, through the page’s own origin', async ({
  page,
}) => {
  await page.goto('/');
  const pacs = page.getByRole('main').locator('.pacs-source');
  const add = pacs.getByRole('form', { name: 'Add a PACS' });
  await add.getByLabel('Name').fill('orthanc');
  await add.getByLabel('Base URL').fill('/dicom-web/orthanc');
  await add.getByRole('button', { name: 'Add PACS' }).click();
  const search = pacs.getByRole('form', { name: 'Search the PACS' });
  await search.getByLabel('Patient ID').fill(patientId);
  await search.getByLabel('Modality').fill('CT');
  await search.getByRole('button', { name: 'Search' }).click();
  const rows = pacs.getByRole('table', { name: 'PACS studies' }).locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Demo Phantom');
  await expect(rows.first()).toHaveAttribute('data-study-uid', studyUid);
  await rows.first().getByRole('button', { name: 'Open' }).click();

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

test('an unreachable PACS is one plain message in the source’s panel', async ({ page }) => {
  await page.goto('/');
  const pacs = page.getByRole('main').locator('.pacs-source');
  const add = pacs.getByRole('form', { name: 'Add a PACS' });
  await add.getByLabel('Name').fill('nowhere');
  await add.getByLabel('Base URL').fill('/dicom-web/nowhere');
  await add.getByRole('button', { name: 'Add PACS' }).click();
  await pacs
    .getByRole('form', { name: 'Search the PACS' })
    .getByRole('button', { name: 'Search' })
    .click();
  await expect(pacs.getByRole('alert')).toHaveText(
    'the PACS has no such object for the study search (HTTP 404); check the base URL and the UIDs',
  );
});
