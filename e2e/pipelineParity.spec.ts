// One pipeline, two front doors: the same series, key file and labels CSV exported through the
// workbench (Predictions tab + Bundles tab, in Chromium) and through `consilium analyze` (Node)
// give the same case keys, the same features, the same predictions and the same labels, and
// `consilium compare` of the two bundles finds full agreement.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { verifyBundle } from '../src/core/bundle/verifyBundle.ts';
import type { Manifest } from '../src/core/bundle/types.ts';
import { classifyCrSeries, CR_PATIENT, writeCrSeries } from './crSeries.ts';
import { expect, test, writeDemoSeries } from './fixtures.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'consilium-parity-'));
const keyFile = join(dir, 'collab.key');
// A key file as `echo shared-secret > collab.key` writes it: the trailing newline is not the key.
writeFileSync(keyFile, 'shared-secret\n');
const labelsCsv = join(dir, 'labels.csv');
writeFileSync(labelsCsv, `patient_id,label\n${CR_PATIENT.id},pneumonia\n`);

const cr = writeCrSeries([0, 1, 3]);
const ct = writeDemoSeries(6, 64);

async function verified(bytes: Uint8Array): Promise<Manifest> {
  const r = await verifyBundle(bytes);
  if (!r.ok) throw new Error(r.error.reason);
  return r.bundle.manifest;
}

const byKey = <T extends { caseKey: string; seriesKey?: string }>(rows: readonly T[]) =>
  new Map(rows.map((r) => [`${r.caseKey}/${r.seriesKey}`, r]));

test('the workbench and consilium analyze give the same keys, features, predictions and labels', async ({
  page,
}) => {
  await classifyCrSeries(page, cr.paths);
  await expect(page.getByTestId('series-rule')).toContainText('series: mean of 3 images');

  // The CT joins the session; the model is for radiographs, so it gets features only.
  await page.getByTestId('open-files').setInputFiles(ct);
  await page.getByRole('tab', { name: 'Bundles' }).click();
  await page.getByLabel('Labels CSV').setInputFiles(labelsCsv);
  await expect(page.getByText('1 series labelled from 1 rows, keyed by patient ID.')).toBeVisible();
  await page.getByRole('button', { name: 'Export bundle…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export bundle' });
  await dialog.getByLabel('Center name').fill('Workbench');
  await dialog.getByLabel('Collaboration key file').setInputFiles(keyFile);
  await dialog.getByRole('button', { name: 'Compute whole-image features' }).click();
  await expect(dialog.getByTestId('feature-count')).toHaveAttribute('data-count', '2');
  await expect(dialog.getByTestId('prediction-count')).toHaveAttribute('data-count', '1');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export .zip' }).click(),
  ]);
  const browserZip = join(dir, 'workbench.zip');
  await download.saveAs(browserZip);

  const cliZip = join(dir, 'cli.zip');
  const { stdout } = await run(process.execPath, [
    'bin/consilium.mjs',
    'analyze',
    ...cr.paths,
    ...ct,
    '--key-file',
    keyFile,
    '--labels',
    labelsCsv,
    '--center',
    'Command line',
    '--out',
    cliZip,
    '--jobs',
    '2',
  ]);
  expect(stdout).toContain('2 series analysed, 1 predicted (1 outside the model');

  const browser = await verified(new Uint8Array(readFileSync(browserZip)));
  const cli = await verified(new Uint8Array(readFileSync(cliZip)));

  // Same pseudonyms, so the same cases; the same whole-image features to the last bit.
  const bf = byKey(browser.results.features);
  const cf = byKey(cli.results.features);
  expect([...bf.keys()].sort()).toEqual([...cf.keys()].sort());
  expect(bf.size).toBe(2);
  for (const [k, b] of bf) {
    const c = cf.get(k)!;
    expect(c.paramsHash).toBe(b.paramsHash);
    expect(c.roi).toBe(b.roi);
    expect(c.label).toBe(b.label);
    expect(c.features).toEqual(b.features);
  }
  // Same series prediction: onnxruntime-web's WASM and onnxruntime-node agree to float precision.
  const [bp] = browser.results.predictions;
  const [cp] = cli.results.predictions;
  expect(browser.results.predictions).toHaveLength(1);
  expect(cli.results.predictions).toHaveLength(1);
  expect([cp.caseKey, cp.studyKey, cp.seriesKey]).toEqual([bp.caseKey, bp.studyKey, bp.seriesKey]);
  expect(cp.model).toEqual(bp.model);
  expect(cp.predicted).toBe(bp.predicted);
  expect(cp.label).toBe('pneumonia');
  expect(bp.label).toBe('pneumonia');
  for (const [label, p] of Object.entries(bp.probabilities))
    expect(Math.abs(cp.probabilities[label] - p)).toBeLessThan(1e-5);
  // Both carry the study's DICOM SR under the same study key.
  const srs = (m: Manifest) => m.members.filter((x) => x.name.startsWith('sr/')).map((x) => x.name);
  expect(srs(cli)).toEqual(srs(browser));
  expect(srs(cli)).toEqual([`sr/${bp.studyKey}.dcm`]);
  expect(cli.software).toEqual(browser.software);

  // The comparison across the two "centers" finds them in full agreement (neither signer is a
  // partner anyone trusted here, so the comparison is asked to take them anyway).
  const compared = await run(process.execPath, [
    'bin/consilium.mjs',
    'compare',
    browserZip,
    cliZip,
    '--json',
    '--allow-untrusted',
  ]);
  const comparison = JSON.parse(compared.stdout) as {
    ok: boolean;
    value: {
      labelAgreement: { n: number; percentAgreement: number }[];
      featureAgreement: { n: number; blandAltman: { result: { bias: number; sd: number } }[] }[];
    };
  };
  expect(comparison.ok).toBe(true);
  expect(comparison.value.labelAgreement).toEqual([
    expect.objectContaining({ n: 1, percentAgreement: 1 }),
  ]);
  expect(comparison.value.featureAgreement.length).toBeGreaterThan(100);
  for (const f of comparison.value.featureAgreement) {
    expect(f.n).toBe(2);
    for (const ba of f.blandAltman) expect([ba.result.bias, ba.result.sd]).toEqual([0, 0]);
  }
});
