// The Study view: three centers' bundles (made here, unsigned, imported at the user's word) become
// one study; the center effect is plain before ComBat and gone after, with the figures the core
// computes from the same manifests, and the chosen feature's boxes per center line up after.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { writeCenterBundles } from './centerBundles.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyBundle } from '../src/core/bundle/verifyBundle.ts';
import { studyView } from '../src/core/models/study/studyView.ts';
import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import type { Page } from '@playwright/test';
import { parseCard, sha256Hex } from '../src/core/inference/card.ts';
import { parseCombatFit } from '../src/core/models/harmonize/fitJson.ts';
import { trainStudy } from '../src/core/models/training/trainStudy.ts';
import { relabelled } from '../src/app/study/relabel.ts';
import { openStudyView, saved } from './federationFlow.ts';
import { expect, test } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'consilium-study-'));
const params = { discretisation: { method: 'FBN', bins: 32 }, roi: 'whole-image' };
const CENTERS = [
  { name: 'North', cases: 20, shift: 0, scale: 1 },
  { name: 'South', cases: 24, shift: 8, scale: 2 },
  { name: 'West', cases: 18, shift: -6, scale: 0.6 },
];

function centerBundles() {
  return writeCenterBundles({
    dir,
    seed: 3,
    params,
    centers: CENTERS,
    names: ['Mean', 'Energy', 'Contrast', 'Entropy'],
    value: (c, i, g, normal) => 20 * (g + 1) + (i % 2) * 3 + c.shift + c.scale * 2 * normal,
  });
}

test('the Study view shows the center effect before ComBat and none after', async ({ page }) => {
  const { files, bytesOf } = await centerBundles();
  const manifests = await verified(bytesOf);
  const expected = studyView(manifests, { method: 'parametric', covariate: 'label' });

  const view = await openStudy(page, files);
  await expect(view).toContainText('North (20 cases), South (24 cases), West (18 cases)');
  const before = view.getByTestId('effect-before');
  await expect(before).toHaveAttribute('data-significant', '4');
  // North sits between the others, which a linear one-vs-rest model separates less well.
  expect(Number(await before.getAttribute('data-auc'))).toBeCloseTo(
    expected.before!.centerAuc.meanAuc,
    12,
  );
  expect(expected.before!.centerAuc.meanAuc).toBeGreaterThan(0.8);

  await view.getByLabel('Harmonization').selectOption('parametric');
  await view.getByLabel("Preserve the label's effect").check();
  const after = view.getByTestId('effect-after');
  await expect(after).toHaveAttribute('data-significant', String(expected.after!.significant));
  expect(expected.after!.significant).toBe(0);
  expect(Number(await after.getAttribute('data-auc'))).toBeCloseTo(
    expected.after!.centerAuc.meanAuc,
    12,
  );
  expect(expected.after!.centerAuc.meanAuc).toBeLessThan(0.75);

  // The chosen feature per center: medians spread before, together after, as the core computes.
  await view.getByLabel('Feature shown').selectOption('F001');
  const boxes = view.getByRole('img', { name: 'Feature per center before and after ComBat' });
  for (const [k, c] of expected.distributions[1].entries()) {
    const g = (when: string) => boxes.locator(`g[data-center="${c.center}"][data-when="${when}"]`);
    await expect(g('before')).toHaveAttribute('data-median', String(c.before.median));
    await expect(g('after')).toHaveAttribute('data-median', String(c.after!.median));
    expect(CENTERS[k].name).toBe(c.center);
  }
  const medians = (when: 'before' | 'after') =>
    expected.distributions[1].map((c) => c[when]!.median);
  const spread = (v: number[]) => Math.max(...v) - Math.min(...v);
  expect(spread(medians('after'))).toBeLessThan(spread(medians('before')) / 4);
});

async function verified(bytesOf: Uint8Array[]) {
  const manifests = [];
  for (const b of bytesOf) {
    const v = await verifyBundle(b, { trustedKeys: [] });
    if (!v.ok) throw new Error(v.error.reason);
    manifests.push(v.bundle.manifest);
  }
  return manifests;
}

async function openStudy(page: Page, files: string[]) {
  await page.goto('/');
  const view = await openStudyView(page, files);
  await expect(view.getByTestId('study')).toHaveAttribute('data-features', '4');
  return view;
}

test('a ComBat fit with a reference center is saved and applied again; a model trains in a worker with per-center figures and exports', async ({
  page,
}) => {
  const { files, bytesOf } = await centerBundles();
  const manifests = await verified(bytesOf);
  const view = await openStudy(page, files);

  // ComBat with North as the reference batch: its fit is saved, then applied as a saved fit.
  await view.getByLabel('Harmonization').selectOption('parametric');
  await view.getByLabel('Reference center').selectOption('North');
  await expect(view.getByTestId('effect-after')).toHaveAttribute('data-significant', /\d/);
  const fitPath = await saved(
    page,
    dir,
    view.getByRole('button', { name: 'Save ComBat fit' }),
    'combat.json',
  );
  const fit = parseCombatFit(readFileSync(fitPath, 'utf8'));
  expect(fit.referenceBatch).toBe('North');
  const applied = studyView(manifests, { apply: fit });
  await view.getByLabel('Apply a saved ComBat fit').setInputFiles(fitPath);
  await expect(view.getByTestId('applied-fit')).toContainText('reference center: North');
  const after = view.getByTestId('effect-after');
  await expect(after).toHaveAttribute('data-significant', String(applied.after!.significant));
  expect(Number(await after.getAttribute('data-auc'))).toBeCloseTo(
    applied.after!.centerAuc.meanAuc,
    12,
  );
  await view.getByRole('button', { name: 'Stop applying' }).click();
  await view.getByLabel('Harmonization').selectOption('');

  // A long run (forest, 5-fold × 20) is cancelled; it stops and says so.
  const training = view.getByRole('region', { name: 'Train a model on this study' });
  await training.getByLabel('Model', { exact: true }).selectOption('forest');
  await training.getByLabel('Validation').selectOption('cv');
  await training.getByLabel('repeats').fill('20');
  await training.getByRole('button', { name: 'Train' }).click();
  await expect(training.getByTestId('training-progress')).toBeVisible();
  await training.getByRole('button', { name: 'Cancel' }).click();
  await expect(training.getByTestId('training-cancelled')).toBeVisible();

  // Logistic regression, leave-one-center-out: the figures the core computes from the manifests.
  await training.getByLabel('Model', { exact: true }).selectOption('logreg-l2');
  await training.getByLabel('Validation').selectOption('loco');
  await training.getByRole('button', { name: 'Train' }).click();
  // The machine may still be busy with the cancelled run's last messages: a generous wait.
  await expect(training.getByTestId('training-result')).toBeVisible({ timeout: 90_000 });
  const expected = await trainStudy(manifests, {
    spec: { family: 'logreg-l2', seed: 0, selection: {} },
    validation: { kind: 'loco' },
    name: 'study-model',
    producer: 'test',
  });
  for (const c of expected.validation!.perCenter) {
    const row = training.getByTestId(`metrics-${c.center}`);
    expect(Number(await row.getAttribute('data-auc'))).toBeCloseTo(c.metrics.auc!, 12);
    expect(Number(await row.getAttribute('data-brier'))).toBeCloseTo(c.metrics.brier, 12);
  }
  await expect(training.getByTestId('metrics-overall')).toContainText(
    expected.validation!.overall.aucCi ? '–' : '',
  );
  const points = Number(await training.getByTestId('reliability-plot').getAttribute('data-points'));
  expect(points).toBeGreaterThan(1);

  // The model and its card: the card names the model's digest, and onnxruntime runs it.
  const modelPath = await saved(
    page,
    dir,
    training.getByRole('button', { name: 'Download model (.onnx)' }),
    'study-model.onnx',
  );
  const cardPath = await saved(
    page,
    dir,
    training.getByRole('button', { name: 'Download model card (.json)' }),
    'study-model.card.json',
  );
  const card = parseCard(JSON.parse(readFileSync(cardPath, 'utf8')), cardPath);
  const model = new Uint8Array(readFileSync(modelPath));
  expect(card.model.sha256).toBe(await sha256Hex(model));
  expect(card.metrics.split).toBe('leave-one-center-out');
  const session = await ort.InferenceSession.create(model);
  const out = await session.run({
    float_input: new ort.Tensor('float32', new Float32Array(4).fill(30), [1, 4]),
  });
  await session.release();
  expect((out.probabilities.data as Float32Array).length).toBe(2);
});

test('a labels CSV replaces the bundles’ labels for the study and its training, with a match report', async ({
  page,
}) => {
  const { files, bytesOf } = await centerBundles();
  const manifests = await verified(bytesOf);
  const view = await openStudy(page, files);
  // Every case relabelled (every third case "high"), and one row for a case no bundle holds.
  const labels: Record<string, string> = {};
  manifests.forEach((m) =>
    m.results.features.forEach((f, i) => (labels[f.caseKey] = i % 3 ? 'low' : 'high')),
  );
  const csv = join(dir, 'labels.csv');
  writeFileSync(
    csv,
    [
      'caseKey,label',
      ...Object.entries(labels).map(([k, l]) => `${k},${l}`),
      `${'f'.repeat(32)},high`,
    ].join('\n') + '\n',
  );
  await view.getByLabel('Labels CSV (caseKey, label)').setInputFiles(csv);
  const report = view.getByTestId('study-labels');
  await expect(report).toContainText(
    'labels.csv: 62 of 63 rows name a case of the chosen bundles (62 cases)',
  );
  await expect(report).not.toContainText('no label');
  await view.getByText('Rows naming no case of the chosen bundles: 1').click();
  await expect(view.getByTestId('study-labels-unknown')).toHaveText('f'.repeat(32));

  // Training uses the CSV's labels: the figures trainStudy computes on the relabelled bundles.
  const training = view.getByRole('region', { name: 'Train a model on this study' });
  await training.getByRole('button', { name: 'Train' }).click();
  await expect(training.getByTestId('training-result')).toContainText('positive label: low', {
    timeout: 60_000,
  });
  const expected = await trainStudy(relabelled(manifests, labels), {
    spec: { family: 'logreg-l2', seed: 0, selection: {} },
    validation: { kind: 'loco' },
    name: 'study-model',
    producer: 'test',
  });
  for (const c of expected.validation!.perCenter) {
    const row = training.getByTestId(`metrics-${c.center}`);
    expect(Number(await row.getAttribute('data-auc'))).toBeCloseTo(c.metrics.auc!, 12);
  }

  // Back to the bundles' own labels.
  await view.getByRole('button', { name: "Use the bundles' labels" }).click();
  await expect(view.getByLabel('Labels CSV (caseKey, label)')).toBeAttached();
});
