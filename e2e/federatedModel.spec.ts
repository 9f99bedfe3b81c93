// A federated model used end to end: two centers' bundles hold features the workbench computes
// (intensity mean, variance, skewness and the GLCM joint maximum, default settings), scattered
// around the Ring structure's own values; the centers train a model by hand through the Study
// view, the coordinator downloads the final ONNX and card, and the Predictions tab classifies the
// Ring of the CT on screen with them — the features computed with the settings the card records —
// to the probability `consilium infer` gives with the same two files on the same series and ROI.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultParams } from '../src/core/analysis/params.ts';
import type { JsonValue } from '../src/core/bundle/types.ts';
import { writeCenterBundles } from './centerBundles.ts';
import { federateThrough, openFederation, saved } from './federationFlow.ts';
import { expect, test } from './fixtures.ts';
import { classifyRing, codes, consilium, openRingRoi, record, ring } from './ringModel.ts';

const params = JSON.parse(JSON.stringify({ ...defaultParams, roi: 'whole-image' })) as Record<
  string,
  JsonValue
>;
const CENTERS = [
  { name: 'North', cases: 40 },
  { name: 'South', cases: 36 },
];

test('a federated model’s ONNX and card classify a ROI in the Predictions tab as consilium infer does', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'consilium-federated-model-'));
  const { stdout } = await consilium('features', ...ring, '--json');
  const ringFeatures = record<{ features: { name: string; ibsiCode: string; value: number }[] }>(
    stdout,
  ).value.features;
  const anchor = codes.map((code) => ringFeatures.find((f) => f.ibsiCode === code)!);
  // Classes on either side of the Ring's values, overlapping, so the Ring is near p = 0.5.
  const { files } = await writeCenterBundles({
    dir,
    seed: 11,
    params,
    centers: CENTERS,
    names: anchor.map((f) => f.name),
    codes,
    value: (_c, i, g, normal) => {
      const spread = 0.2 * (Math.abs(anchor[g].value) + 1);
      return anchor[g].value + spread * (normal + (i % 2 ? 0.6 : -0.6) * (g % 2 ? -1 : 1));
    },
  });

  await openRingRoi(page);

  const section = await openFederation(page, files);
  const { result } = await federateThrough(page, dir, section, CENTERS, {
    rounds: 2,
    holdout: 0.25,
  });
  const onnx = await saved(
    page,
    dir,
    result.getByRole('button', { name: 'Download final model (.onnx)' }),
    'federated-ring.onnx',
  );
  const card = await saved(
    page,
    dir,
    result.getByRole('button', { name: 'Download model card (.json)' }),
    'federated-ring.card.json',
  );
  const cardJson = JSON.parse(readFileSync(card, 'utf8')) as {
    input: { features: { ibsi: string }[] };
  };
  // The study table orders features by name; the card keeps that order.
  expect(cardJson.input.features.map((f) => f.ibsi).sort()).toEqual([...codes].sort());
  await section.view.getByRole('button', { name: 'Close' }).click();

  const cli = record<{ probabilities: Record<string, number> }>(
    (await consilium('infer', ...ring, '--model', onnx, '--card', card, '--json')).stdout,
  );
  expect(cli.ok).toBe(true);

  await page.getByRole('tab', { name: 'Predictions' }).click();
  const predictions = page.getByRole('region', { name: 'Feature-vector model' });
  await predictions.getByLabel('Model and card (.onnx + .json)').setInputFiles([onnx, card]);
  await expect(predictions.getByTestId('feature-model-name')).toContainText(
    'a classifier on 4 radiomics features',
  );
  const probabilities = await classifyRing(predictions);
  expect(Object.keys(probabilities).sort()).toEqual(['benign', 'malignant']);
  for (const [label, p] of Object.entries(cli.value.probabilities))
    expect(Math.abs(probabilities[label] - p), label).toBeLessThan(1e-6);
  // Trained around this ROI, the model is unsure of it: a comparison of real probabilities.
  expect(cli.value.probabilities.malignant).toBeGreaterThan(0.02);
  expect(cli.value.probabilities.malignant).toBeLessThan(0.98);
});
