// Predictions into a bundle: a small CR series is classified in the Predictions tab, its series
// prediction (mean of the images) is exported with the ground-truth label, and the downloaded
// bundle is checked in this process with the core: predictions.csv holds what the panel showed,
// and the study's DICOM SR is a verified member that dcmjs reads, with no original identifier.
import { readFileSync } from 'node:fs';
import dcmjs, { type DcmjsDataset } from 'dcmjs';
import { verifyBundle } from '../src/core/bundle/verifyBundle.ts';
import {
  classifyCrSeries,
  CR_PATIENT,
  CR_SERIES_UID,
  CR_STUDY,
  crSopUid,
  writeCrSeries,
} from './crSeries.ts';
import { expect, test } from './fixtures.ts';

// Reference cases 0, 1 and 3: synthetic chest-like drawings (tools/train/make_reference.py).
const series = writeCrSeries([0, 1, 3]);
const expectedMean = [0, 1].map(
  (l) => series.probabilities.reduce((s, p) => s + p[l], 0) / series.probabilities.length,
);

test('a classified CR series is exported as a series prediction with its label and a DICOM SR', async ({
  page,
}) => {
  await classifyCrSeries(page, series.paths);
  await expect(page.getByTestId('series-rule')).toHaveText(
    'series: mean of 3 images; predicted = argmax of mean probability: pneumonia',
  );
  const shown: Record<string, number> = {};
  for (const label of ['normal', 'pneumonia']) {
    const text = await page
      .locator(`[data-testid=series-aggregate] [data-label=${label}]`)
      .textContent();
    shown[label] = Number(text);
  }
  // The page's series mean is PyTorch's mean of the same images (to 16-bit quantisation).
  expect(Math.abs(shown.normal - expectedMean[0])).toBeLessThan(1e-3);
  expect(Math.abs(shown.pneumonia - expectedMean[1])).toBeLessThan(1e-3);

  // The same model picked again as the "second" model: the comparison lists all three images.
  await page
    .getByLabel('Second model files')
    .setInputFiles(['public/models/pneumonia-cnn.onnx', 'public/models/pneumonia-cnn.card.json']);
  await expect(page.getByTestId('second-model')).toContainText('pneumonia-cnn');
  await page.getByRole('button', { name: 'Compare on this series' }).click();
  await expect(page.getByTestId('compare-summary')).toHaveText('0 of 3 images disagree');
  await page.getByRole('button', { name: 'Image 3' }).click();
  await expect(page.getByTestId('viewport-0')).toContainText('Im 3/3');

  await page.getByRole('tab', { name: 'Bundles' }).click();
  await page
    .getByLabel(/^Label for /)
    .first()
    .fill('pneumonia');
  await page.getByRole('button', { name: 'Export bundle…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export bundle' });
  await dialog.getByLabel('Center name').fill('Center P');
  await dialog.getByLabel('Collaboration passphrase').fill('shared collaboration secret');
  await expect(dialog.getByTestId('prediction-count')).toHaveAttribute('data-count', '1');
  await dialog.getByLabel('SR study dates').selectOption('shift');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export .zip' }).click(),
  ]);
  const bytes = new Uint8Array(readFileSync(await download.path()));

  const verified = await verifyBundle(bytes);
  if (!verified.ok) throw new Error(verified.error.reason);
  const { manifest, members } = verified.bundle;
  const csv = new TextDecoder().decode(members.get('predictions.csv')).trim().split('\n');
  expect(csv[0]).toBe(
    'caseKey,studyKey,seriesKey,instanceKey,model,modelVersion,modelSha256,predicted,label,p_normal,p_pneumonia',
  );
  expect(csv).toHaveLength(2);
  const row = csv[1].split(',');
  expect(row[4]).toBe('pneumonia-cnn');
  expect(row[7]).toBe('pneumonia');
  expect(row[8]).toBe('pneumonia');
  // The panel shows four decimals of the very numbers that were exported.
  expect(Number(row[9]).toFixed(4)).toBe(shown.normal.toFixed(4));
  expect(Number(row[10]).toFixed(4)).toBe(shown.pneumonia.toFixed(4));

  const srName = `sr/${row[1]}.dcm`;
  expect(manifest.members.map((m) => m.name)).toContain(srName);
  const sr = members.get(srName)!;
  const latin1 = Buffer.from(sr).toString('latin1');
  for (const phi of [
    CR_PATIENT.name,
    CR_PATIENT.id,
    CR_PATIENT.birthDate,
    CR_STUDY.uid,
    CR_STUDY.date,
    CR_SERIES_UID,
    crSopUid(0),
  ])
    expect(latin1.includes(phi), `SR contains ${phi}`).toBe(false);
  const ds = dcmjs.data.DicomMessage.readFile(sr.slice().buffer).dict;
  expect(ds['00080016'].Value).toEqual(['1.2.840.10008.5.1.4.1.1.88.33']);
  expect(ds['00100020'].Value).toEqual([row[0]]);
  expect(String(ds['00080020'].Value?.[0])).toMatch(/^\d{8}$/);
  const evidence = (ds['0040A375'].Value as DcmjsDataset[])[0];
  expect(((evidence['00081115'].Value as DcmjsDataset[])[0]['00081199'].Value ?? []).length).toBe(
    3,
  );
  expect(latin1).toContain('Probability of pneumonia');
});
