// A feature-vector model from `consilium train`, run in the workbench: the Ring structure of an
// RTSTRUCT on its CT is classified in the Predictions tab with the feature settings the card
// records, and the probability equals `consilium infer --mask` for the same series and ROI.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultParams } from '../src/core/analysis/params.ts';
import { verifyBundle } from '../src/core/bundle/verifyBundle.ts';
import { recordableSettings } from '../src/core/models/featureModel/recordedSettings.ts';
import { studyCsvAround } from '../src/core/models/featureModel/testing/studyAround.ts';
import { expect, test } from './fixtures.ts';
import { classifyRing, codes, consilium, openRingRoi, record, ring } from './ringModel.ts';

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

  await openRingRoi(page);

  await page.getByRole('tab', { name: 'Predictions' }).click();
  const section = page.getByRole('region', { name: 'Feature-vector model' });
  await section.getByLabel('Model and card (.onnx + .json)').setInputFiles([model, card]);
  await expect(section.getByTestId('feature-model-name')).toContainText(
    'ring-logreg 0.1.0: a classifier on 4 radiomics features',
  );
  await expect(section.getByTestId('feature-model-settings')).toContainText('32 bins');
  const page_ = await classifyRing(section);
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
