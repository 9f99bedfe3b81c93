// The workbench stores the response map it shows back on a real PACS (Orthanc, through the
// preview server's /dicom-web/orthanc/ proxy): open a PACS series, show a LoG response, "Store
// map to PACS" (by default to the PACS the series came from), then fetch the stored instance back
// by QIDO/WADO: its study is the source's, dciodvfy finds no error, and its pixels are the map
// core's filterResponse gives for the same files in Node and the very map the page downloads,
// to within the map's 16-bit storage step. A research PACS gets it pseudonymised; 401, 403, 500
// and an unreachable PACS are each one plain message in the panel.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import dcmjs from 'dcmjs';
import { importCollaborationKey } from '../src/core/crypto/hmac.ts';
import { typedSecretBytes } from '../src/core/crypto/secret.ts';
import { pseudonymousKey, pseudonymousUid } from '../src/core/deid/pseudonym.ts';
import { decodeFrame } from '../src/core/dicom/decode.ts';
import { demoSliceFile, newDemoContext } from '../src/core/dicom/demo/demoSeries.ts';
import { newUid } from '../src/core/dicom/demo/uid.ts';
import { parseInstance } from '../src/core/dicom/parse.ts';
import type { InstanceMeta } from '../src/core/dicom/types.ts';
import { MULTIFRAME_GRAYSCALE_WORD_SC } from '../src/core/dicom/write/secondaryCapture.ts';
import { fetchTransport, type PlatformFetch } from '../src/core/dicomweb/fetchTransport.ts';
import { dicomwebClient } from '../src/core/dicomweb/http.ts';
import { allSeries } from '../src/core/dicomweb/qido.ts';
import { storeInstances } from '../src/core/dicomweb/stow.ts';
import { seriesMetadata, storedInstance } from '../src/core/dicomweb/wado.ts';
import { filterResponse } from '../src/core/filters/applyFilter.ts';
import { parseFilterSpec } from '../src/core/filters/spec.ts';
import { VolumeBuilder } from '../src/core/pipeline/seriesFeatures.ts';
import { dciodvfyErrors } from './dciodvfy.ts';
import { expect, test } from './fixtures.ts';
import { pacsStudyRow } from './pacsOpen.ts';

const orthanc = `${process.env.ORTHANC_URL ?? 'http://127.0.0.1:8043'}/dicom-web`;
const SLICES = 8;
const SIZE = 64;
const SPEC = 'log:sigma=2,truncate=4,boundary=mirror,dims=3';

const client = dicomwebClient(
  { baseUrl: orthanc },
  fetchTransport(fetch as unknown as PlatformFetch, AbortSignal),
);

interface Uploaded {
  readonly patientId: string;
  readonly studyUid: string;
  readonly files: Uint8Array[];
}

/** A demo CT series in a study and under a patient ID of its own (each test opens its own study,
 * holding only the series), stored on Orthanc. */
async function upload(): Promise<Uploaded> {
  const patientId = `E2E-MAP-${newUid().slice(-12)}`;
  const ctx = newDemoContext({ slices: SLICES, size: SIZE });
  const files = Array.from({ length: SLICES }, (_, k) => {
    const file = dcmjs.data.DicomMessage.readFile(demoSliceFile(ctx, k).bytes.slice().buffer);
    file.dict['00100020'] = { vr: 'LO', Value: [patientId] };
    return new Uint8Array(file.write());
  });
  await storeInstances(client, files);
  return { patientId, studyUid: ctx.studyInstanceUID, files };
}

function parsed(bytes: Uint8Array, name: string): InstanceMeta {
  const p = parseInstance(bytes, name);
  if (!p.ok) throw new Error(p.error.reason);
  return p.meta;
}

/** What `consilium filter <the series> --filter log:sigma=2` computes, in Node. */
async function nodeMap(files: readonly Uint8Array[]): Promise<Float32Array> {
  const metas = files.map((f, k) => parsed(f, `slice-${k}.dcm`));
  const builder = new VolumeBuilder(metas);
  for (const [z, f] of files.entries()) builder.add(z, await decodeFrame(f, metas[z], 0));
  return filterResponse(builder.volume(), parseFilterSpec(SPEC));
}

/** The map the PACS holds in `study` (its one OT series), and dciodvfy's errors on it. */
async function storedMap(study: string): Promise<{ bytes: Uint8Array; errors: string[] }> {
  const ot = (await allSeries(client, study)).filter((s) => s.modality === 'OT');
  expect(ot, `one OT series in study ${study}`).toHaveLength(1);
  const ref = { studyInstanceUid: study, seriesInstanceUid: ot[0].seriesInstanceUid };
  const metas = await seriesMetadata(client, ref);
  expect(metas).toHaveLength(1);
  const bytes = await storedInstance(client, ref, String(metas[0]['00080018'].Value![0]));
  return { bytes, errors: dciodvfyErrors(bytes, 'map.dcm', 'MultiframeGrayscaleWordSCImage') };
}

/** Each frame's stored (16-bit) pixels and its values after the rescale. */
async function frames(bytes: Uint8Array) {
  const meta = parsed(bytes, 'map.dcm');
  expect(meta.sopClassUID).toBe(MULTIFRAME_GRAYSCALE_WORD_SC);
  expect(meta.frames).toBe(SLICES);
  const values = new Float32Array(SIZE * SIZE * SLICES);
  for (let z = 0; z < SLICES; z++)
    values.set((await decodeFrame(bytes, meta, z)).values, z * SIZE * SIZE);
  return { meta, values };
}

/** Adds the proxied Orthanc, opens this run's study and shows the LoG response of its series. */
async function showMapFromPacs(page: Page, { patientId }: Uploaded) {
  const row = await pacsStudyRow(page, { patientId });
  await row.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByTestId('pacs-progress')).toHaveAttribute('data-done', String(SLICES));
  await page.getByRole('tab', { name: 'Analysis' }).click();
  const filters = page.getByRole('group', { name: 'Filters (IBSI 2)' });
  await filters.getByRole('combobox', { name: 'Filter', exact: true }).selectOption('log');
  await filters.getByLabel('σ (mm)').fill('2');
  await expect(filters.getByTestId('filter-spec')).toHaveText(SPEC);
  await filters.getByRole('button', { name: 'Show response map' }).click();
  await expect(page.getByTestId('filter-overlay-0')).toHaveAttribute('data-painted', /^0\|log:/);
  return page.getByRole('group', { name: 'Response map as DICOM' });
}

test('the shown response map is stored beside its series on the PACS it came from, and downloads as the same DICOM', async ({
  page,
}) => {
  const study = await upload();
  const { patientId, studyUid } = study;
  const section = await showMapFromPacs(page, study);
  await expect(section.getByTestId('map-source-server')).toHaveText(
    'The series came from orthanc.',
  );
  await section.getByRole('button', { name: 'Store map to PACS' }).click();
  await expect(section.getByTestId('map-stored')).toHaveText(`Stored in study ${studyUid}.`);

  const stored = await storedMap(studyUid);
  expect(stored.errors).toEqual([]);
  const back = await frames(stored.bytes);
  expect(back.meta.studyInstanceUID).toBe(studyUid);
  expect(back.meta.patientID).toBe(patientId);

  // Its values are the map of these files, to within half a 16-bit storage step.
  const reference = await nodeMap(study.files);
  let [min, max] = [Infinity, -Infinity];
  for (const v of reference) [min, max] = [Math.min(min, v), Math.max(max, v)];
  const step = (max - min) / 65535;
  let worst = 0;
  for (let i = 0; i < reference.length; i++)
    worst = Math.max(worst, Math.abs(back.values[i] - reference[i]));
  expect(worst).toBeLessThanOrEqual(step / 2 + 1e-5 * (max - min));

  // "Download as DICOM" gives the same map: the page's own values, the same stored pixels.
  const saved = page.waitForEvent('download');
  await section.getByRole('button', { name: 'Download as DICOM' }).click();
  const file = await (await saved).path();
  const local = await frames(new Uint8Array(readFileSync(file)));
  expect(local.meta.studyInstanceUID).toBe(studyUid);
  expect(local.values).toEqual(back.values);
  await expect(page.locator('.error-list li')).toHaveCount(0);
});

test('a research PACS gets the map pseudonymised, into the pseudonymised study', async ({
  page,
}) => {
  const study = await upload();
  const { patientId, studyUid } = study;
  const section = await showMapFromPacs(page, study);
  const passphrase = `research ${newUid().slice(-8)}`;
  await section.getByRole('radio', { name: /^Pseudonymised/ }).check();
  await section.getByLabel('Collaboration passphrase').fill(passphrase);
  await section.getByRole('button', { name: 'Store map to PACS' }).click();
  const key = await importCollaborationKey(typedSecretBytes(passphrase));
  const research = await pseudonymousUid(key, studyUid);
  await expect(section.getByTestId('map-stored')).toHaveText(
    `Stored in study ${research} (the pseudonym of study ${studyUid}).`,
  );
  const stored = await storedMap(research);
  expect(stored.errors).toEqual([]);
  const back = await frames(stored.bytes);
  expect(back.meta.patientID).toBe(await pseudonymousKey(key, 'patient', patientId));
  const text = new TextDecoder('latin1').decode(stored.bytes);
  expect(text).not.toContain(patientId);
  expect(text).not.toContain(studyUid);
});

test('a PACS that refuses or cannot be reached is one plain message in the panel', async ({
  page,
}) => {
  const study = await upload();
  const { studyUid } = study;
  const section = await showMapFromPacs(page, study);
  const store = section.getByRole('button', { name: 'Store map to PACS' });
  const problem = section.getByTestId('map-store-problem');
  const answers: [number, string][] = [
    [
      401,
      'the PACS refused storing the map: it needs a login (HTTP 401); check the token or auth header',
    ],
    [403, 'the PACS refused storing the map: this login may not read it (HTTP 403)'],
    [500, 'the PACS failed while answering storing the map (HTTP 500)'],
  ];
  for (const [status, message] of answers) {
    await page.route('**/dicom-web/orthanc/studies/**', (route) =>
      route.request().method() === 'POST' ? route.fulfill({ status, body: '' }) : route.fallback(),
    );
    await store.click();
    await expect(problem).toHaveText(message);
    await page.unrouteAll();
  }
  await page.route('**/dicom-web/orthanc/studies/**', (route) =>
    route.request().method() === 'POST' ? route.abort('connectionrefused') : route.fallback(),
  );
  await store.click();
  await expect(problem).toContainText('cannot be reached');
  await page.unrouteAll();
  // The panel still works once the PACS answers again.
  await store.click();
  await expect(section.getByTestId('map-stored')).toHaveText(`Stored in study ${studyUid}.`);
});
