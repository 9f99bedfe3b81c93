// A feature-vector model from `consilium train`, run in the workbench: the Ring structure of an
// RTSTRUCT on its CT is classified in the Predictions tab with the feature settings the card
// records, and the probability equals `consilium infer --mask` for the same series and ROI.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { defaultParams } from '../src/core/analysis/params.ts';
import { verifyBundle } from '../src/core/bundle/verifyBundle.ts';
import { recordableSettings } from '../src/core/models/featureModel/recordedSettings.ts';
import { studyCsvAround } from '../src/core/models/featureModel/testing/studyAround.ts';
import { expect, test } from './fixtures.ts';

const run = promisify(execFile);
const consilium = (...args: string[]) => run(process.execPath, ['bin/consilium.mjs', ...args]);
const masks = join(import.meta.dirname, '..', 'src', 'core', 'masks', 'fixtures');
const ctFiles = readdirSync(join(masks, 'ct')).map((f) => join(masks, 'ct', f));
const rtstruct = join(masks, 'rtstruct.dcm');
const ring = [...ctFiles, '--mask', rtstruct, '--structure', 'Ring'];
// Intensity mean, variance, skewness and the GLCM joint maximum.
const codes = ['Q4LE', 'ECT3', 'KE2A', 'GYBY'];

interface Line<T> {
  ok: boolean;
  value: T;
}

/** The one JSON record a command printed. */
function record<T>(stdout: string): Line<T> {
  const lines = stdout.split('\n').filter((l) => l.startsWith('{'));
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]) as Line<T>;
}

/** A small model trained by the CLI on cases scattered around the Ring's own features. */
async function trainAroundRing(dir: string) {
  const { stdout } = await consilium('features', ...ring, '--json');
  const ringLine = record<{ features: { name: string; ibsiCode: string; value: number }[] }>(
    stdout,
  );
  const anchor = codes.map((code) => {
    const f = ringLine.value.features.find((x) => x.ibsiCode === code)!;
    return { name: f.name, code, value: f.value };
  });
  writeFileSync(join(dir, 'study.csv'), studyCsvAround(anchor));
  writeFileSync(
    join(dir, 'study.settings.json'),
    JSON.stringify(recordableSettings(defaultParams)),
  );
  const model = join(dir, 'ring-logreg.onnx');
  const card = join(dir, 'ring-logreg.card.json');
  await consilium(
    'train',
    join(dir, 'study.csv'),
    '--model',
    'logreg-l2',
    '--out',
    model,
    '--card',
    card,
    '--name',
    'ring-logreg',
  );
  return { model, card };
}

test('a trained feature model classifies an RTSTRUCT ROI in the page as consilium infer does', async ({
  page,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'consilium-feature-model-'));
  const { model, card } = await trainAroundRing(dir);
  const { stdout } = await consilium('infer', ...ring, '--model', model, '--card', card, '--json');
  const cli = record<{ probabilities: Record<string, number> }>(stdout);
  expect(cli.ok).toBe(true);

  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles([...ctFiles, rtstruct]);
  await expect(page.getByTestId('viewport-0')).toHaveAttribute('data-rendered', /^0\|/);
  // The structure becomes a ROI of the series when chosen in the Analysis tab.
  await page.getByRole('tab', { name: 'Analysis' }).click();
  const roiMenu = page.getByRole('combobox', { name: 'ROI to analyse' });
  await roiMenu.selectOption({ label: 'Ring (RTSTRUCT)' });
  await expect(roiMenu).toHaveValue(/^roi-/);

  await page.getByRole('tab', { name: 'Predictions' }).click();
  const section = page.getByRole('region', { name: 'Feature-vector model' });
  await section.getByLabel('Model and card (.onnx + .json)').setInputFiles([model, card]);
  await expect(section.getByTestId('feature-model-name')).toContainText(
    'ring-logreg 0.1.0: a classifier on 4 radiomics features',
  );
  await expect(section.getByTestId('feature-model-settings')).toContainText('32 bins');
  await section.getByLabel('ROI to classify').selectOption({ label: 'Ring (RTSTRUCT)' });
  await section.getByRole('button', { name: 'Classify ROI' }).click();
  const result = section.getByTestId('feature-model-result');
  await expect(result).toContainText('1,151 voxels');
  const page_ = JSON.parse((await result.getAttribute('data-probabilities'))!) as Record<
    string,
    number
  >;
  expect(Object.keys(page_).sort()).toEqual(Object.keys(cli.value.probabilities).sort());
  for (const [label, p] of Object.entries(cli.value.probabilities))
    expect(Math.abs(page_[label] - p), label).toBeLessThan(1e-6);
  // Built around this ROI, the model is unsure of it: a comparison of real probabilities.
  expect(cli.value.probabilities.high).toBeGreaterThan(0.02);
  expect(cli.value.probabilities.high).toBeLessThan(0.98);

  // The series' prediction goes into a bundle as a CNN's does: the model's digest, the same numbers.
  const keyFile = join(dir, 'collab.key');
  writeFileSync(keyFile, 'shared-secret\n');
  await page.getByRole('tab', { name: 'Bundles' }).click();
  await page.getByRole('button', { name: 'Export bundle…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export bundle' });
  await dialog.getByLabel('Center name').fill('Workbench');
  await dialog.getByLabel('Collaboration key file').setInputFiles(keyFile);
  await expect(dialog.getByTestId('prediction-count')).toHaveAttribute('data-count', '1');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export .zip' }).click(),
  ]);
  const zip = join(dir, 'workbench.zip');
  await download.saveAs(zip);
  const verified = await verifyBundle(new Uint8Array(readFileSync(zip)));
  if (!verified.ok) throw new Error(verified.error.reason);
  const [prediction] = verified.bundle.manifest.results.predictions;
  const cardJson = JSON.parse(readFileSync(card, 'utf8')) as { model: { sha256: string } };
  expect(prediction.model).toEqual({
    name: 'ring-logreg',
    version: '0.1.0',
    sha256: cardJson.model.sha256,
  });
  for (const [label, p] of Object.entries(page_))
    expect(prediction.probabilities[label]).toBeCloseTo(p, 12);
});
