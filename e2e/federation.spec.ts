// A federation of two centers run by hand through the Study view: each center answers the
// coordinator's signed messages from its own bundle, the coordinator aggregates the signed
// answers (an untrusted key and a stale round are left out, each with its reason), and after two
// rounds the final model's coefficients and each center's held-out AUC equal those of
// `consilium federate` on the same two centers' study tables.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Locator, Page } from '@playwright/test';
import type { JsonValue } from '../src/core/bundle/types.ts';
import { defaultParams } from '../src/core/analysis/params.ts';
import { generateSigningKeys } from '../src/core/crypto/keys.ts';
import { signUpdate, type SignedUpdate } from '../src/core/models/federated/signedUpdate.ts';
import * as ort from 'onnxruntime-node';
import { parseCard, sha256Hex } from '../src/core/inference/card.ts';
import { pipelineProbability } from '../src/core/models/classifiers/pipeline.ts';
import { federatedPipeline, PLATT_ROUNDS } from '../src/core/models/federated/federation.ts';
import { settingsOf } from '../src/core/models/federated/session.ts';
import { writeCenterBundles } from './centerBundles.ts';
import { federateThrough, federationSteps, openFederation, saved } from './federationFlow.ts';
import { expect, test } from './fixtures.ts';

const run = promisify(execFile);
const consilium = (...args: string[]) => run(process.execPath, ['bin/consilium.mjs', ...args]);
const dir = mkdtempSync(join(tmpdir(), 'consilium-federation-'));
// The whole default settings (as the workbench records them), so the card can carry them.
const params = JSON.parse(JSON.stringify({ ...defaultParams, roi: 'whole-image' })) as Record<
  string,
  JsonValue
>;
const CENTERS = [
  { name: 'North', cases: 40, shift: 0 },
  { name: 'South', cases: 36, shift: 3 },
];

async function centerBundles() {
  const { files } = await writeCenterBundles({
    dir,
    seed: 5,
    params,
    centers: CENTERS,
    names: ['Mean', 'Energy', 'Contrast'],
    // Overlapping classes, so the model is not saturated after two rounds.
    value: (c, i, g, normal) => 10 * (g + 1) + (i % 2) * (g + 1) + c.shift + 3 * normal,
  });
  return files;
}

/** A file the page downloads, read as JSON. */
async function savedJson<T>(page: Page, button: Locator, name: string): Promise<T> {
  return JSON.parse(readFileSync(await saved(page, dir, button, name), 'utf8')) as T;
}

interface CliModel {
  weights: number[];
  intercept: number;
  validation: { perCenter: { center: string; metrics: { auc: number } }[] };
}

/** `consilium federate` over the centers' study tables (made by `consilium study` from their
 * bundles, in folders named `prefix-<center>`): its final model. */
async function cliFederation<T>(
  files: readonly string[],
  prefix: string,
  ...args: string[]
): Promise<CliModel & T> {
  const folders = CENTERS.map((c) => join(dir, `${prefix}-${c.name}`));
  for (const [k, folder] of folders.entries()) {
    mkdirSync(folder);
    await consilium('study', files[k], '--out', join(folder, 'study.csv'), '--allow-untrusted');
  }
  const { stdout } = await consilium('federate', '--centers', ...folders, ...args, '--json');
  return (JSON.parse(stdout.trim().split('\n').pop()!) as { value: CliModel & T }).value;
}

/** The page's final linear model equals the CLI's to rounding. */
function expectCliWeights(final: SignedUpdate['update'], cli: CliModel) {
  for (const [j, w] of final.linear!.weights.entries())
    expect(Math.abs(w - cli.weights[j])).toBeLessThan(1e-9);
  expect(Math.abs(final.linear!.intercept - cli.intercept)).toBeLessThan(1e-9);
}

/** Each center's held-out AUC the page shows equals the CLI's. */
async function expectCliAucs(validation: Locator, cli: CliModel) {
  for (const c of cli.validation.perCenter) {
    const auc = Number(
      await validation.getByTestId(`metrics-${c.center}`).getAttribute('data-auc'),
    );
    expect(Math.abs(auc - c.metrics.auc)).toBeLessThan(1e-9);
  }
}

/** onnxruntime's probability on the final model's ONNX equals the federated pipeline's, for one
 * case; that probability. */
async function expectOnnxProbability(onnx: Uint8Array, final: SignedUpdate['update']) {
  const x = Float64Array.from([12, 24, 35]);
  const expected = pipelineProbability(federatedPipeline(settingsOf(final), final), {
    rows: 1,
    cols: 3,
    data: x,
  })[0];
  const session = await ort.InferenceSession.create(onnx);
  const out = await session.run({
    float_input: new ort.Tensor('float32', Float32Array.from(x), [1, 3]),
  });
  await session.release();
  expect(Math.abs((out.probabilities.data as Float32Array)[1] - expected)).toBeLessThan(1e-5);
  return expected;
}

test('two centers and a coordinator train the CLI’s federated model through signed files', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const files = await centerBundles();

  // The CLI's federation on the same two centers' study tables.
  const cli = await cliFederation(files, 'cli', '--rounds', '2', '--holdout', '0.25');

  await page.goto('/');
  const { center, answers, aggregate, next } = federationSteps(
    page,
    dir,
    await openFederation(page, files),
    CENTERS,
  );

  // Round 0: the terms, and an update from a key nobody trusts, which is left out.
  await center.getByLabel('Rounds').fill('2');
  await center.getByLabel('Held-out fraction').fill('0.25');
  const first = await answers(null);
  const stranger = await generateSigningKeys();
  const theirs = JSON.parse(readFileSync(first[0], 'utf8')) as SignedUpdate;
  const intruder = join(dir, 'intruder.json');
  writeFileSync(
    intruder,
    JSON.stringify(
      await signUpdate(
        { ...theirs.update, from: 'Intruder' },
        stranger.privateKey,
        stranger.publicKey,
      ),
    ),
  );
  let result = await aggregate(null, [...first, intruder]);
  await expect(result.getByTestId('coordinator-refused').getByRole('listitem')).toHaveAttribute(
    'data-code',
    'update-untrusted',
  );
  await expect(result.getByTestId('coordinator-refused')).toContainText('Left out intruder.json');
  let message = await next(result, 'm0.json');

  // The step-size bounds, then two rounds; a stale answer from round 0 is left out.
  const bounds = await answers(message);
  result = await aggregate(message, bounds);
  message = await next(result, 'm1.json');
  for (let r = 1; r <= 2; r++) {
    const updates = await answers(message);
    result = await aggregate(message, r === 2 ? [...updates, bounds[0]] : updates);
    if (r === 2)
      await expect(result.getByTestId('coordinator-refused').getByRole('listitem')).toHaveAttribute(
        'data-code',
        'update-wrong-round',
      );
    message = await next(result, `m${r + 1}.json`);
  }
  await expect(result.getByTestId('coordinator-next')).toContainText('the final model');
  const final = (JSON.parse(readFileSync(message, 'utf8')) as SignedUpdate).update;
  expect(final.round).toBe(3);
  // The CLI and the page run the same arithmetic on the same cases in the same order; the core
  // tests hold the federated scaler to 1e-12 and probabilities to 1e-6.
  expect(final.linear!.weights).toHaveLength(3);
  expectCliWeights(final, cli);
  expect(Math.max(...cli.weights.map(Math.abs))).toBeGreaterThan(0.05);

  // Validation: each center's held-out metrics of the final model, aggregated.
  result = await aggregate(message, await answers(message));
  const validation = result.getByTestId('federated-validation');
  await expect(validation).toBeVisible();
  await expectCliAucs(validation, cli);
  const card = await savedJson<{
    metrics: { val: { perCenter: { center: string }[] } };
    output: { labels: string[] };
    training: { featureSettings?: { discretisation: unknown } };
  }>(page, result.getByRole('button', { name: 'Download model card (.json)' }), 'card.json');
  expect(card.metrics.val.perCenter.map((c) => c.center)).toEqual(['North', 'South']);
  expect(card.output.labels).toEqual(['benign', 'malignant']);
  // The settings the centers' features were computed with, so the model can run on images.
  expect(card.training.featureSettings?.discretisation).toEqual(
    JSON.parse(JSON.stringify(defaultParams.discretisation)),
  );
  const onnx = readFileSync(
    await saved(
      page,
      dir,
      result.getByRole('button', { name: 'Download final model (.onnx)' }),
      'model.onnx',
    ),
  );
  // The card is one the Predictions tab reads, and onnxruntime gives the final model's probability.
  expect(parseCard(card, 'card.json').model.sha256).toBe(await sha256Hex(new Uint8Array(onnx)));
  const expected = await expectOnnxProbability(new Uint8Array(onnx), final);
  expect(expected).toBeGreaterThan(0.05);
  expect(expected).toBeLessThan(0.95);
});

test('a linear SVM federation by hand reaches the CLI’s model in a handful of Newton rounds', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const files = await centerBundles();
  const rounds = 6;
  const cli = await cliFederation<{ sigmoid: { a: number; b: number } }>(
    files,
    'svm',
    '--model',
    'svm-linear',
    '--rounds',
    String(rounds),
    '--holdout',
    '0.25',
  );

  await page.goto('/');
  const section = await openFederation(page, files);
  await section.fed
    .getByTestId('federation-center')
    .getByLabel('Model', { exact: true })
    .selectOption({ label: 'Linear SVM (squared hinge), federated Newton steps' });
  await expect(section.fed.getByTestId('federation-svm-hint')).toContainText('Platt');
  const { result, final: finalFile } = await federateThrough(page, dir, section, CENTERS, {
    rounds,
    holdout: 0.25,
    family: 'Linear SVM (squared hinge), federated Newton steps',
  });
  const final = (JSON.parse(readFileSync(finalFile, 'utf8')) as SignedUpdate).update;
  expect(final.round).toBe(rounds + PLATT_ROUNDS + 1);
  // The same Newton and Platt steps on the same cases as the CLI: equal to rounding.
  expectCliWeights(final, cli);
  expect(Math.abs(final.sigmoid!.a - cli.sigmoid.a)).toBeLessThan(1e-9);
  expect(Math.abs(final.sigmoid!.b - cli.sigmoid.b)).toBeLessThan(1e-9);
  expect(cli.sigmoid.a).toBeLessThan(0);
  await expectCliAucs(result.getByTestId('federated-validation'), cli);
  // The final model as ONNX: onnxruntime's probability equals the federated pipeline's.
  const onnx = readFileSync(
    await saved(
      page,
      dir,
      result.getByRole('button', { name: 'Download final model (.onnx)' }),
      'svm.onnx',
    ),
  );
  await expectOnnxProbability(new Uint8Array(onnx), final);
});

test('a federation with differential privacy says so at the coordinator and in the final card', async ({
  page,
}) => {
  const files = await centerBundles();
  await page.goto('/');
  const privacy = { epsilon: 4, delta: 0.00001, clip: 0.05 };
  const { result, final } = await federateThrough(
    page,
    dir,
    await openFederation(page, files),
    CENTERS,
    { rounds: 1, holdout: 0.25, privacy },
  );
  const sigma = (2 * 0.05 * Math.sqrt(2 * Math.log(1.25e5))) / 4;
  await expect(result.getByTestId('coordinator-privacy')).toContainText(
    'ε 4 and δ 0.00001 per round, clipped to 0.05, σ 0.121',
  );
  expect((JSON.parse(readFileSync(final, 'utf8')) as SignedUpdate).update.terms?.privacy).toEqual(
    privacy,
  );
  const card = await savedJson<{ limitations: string[] } & Record<string, unknown>>(
    page,
    result.getByRole('button', { name: 'Download model card (.json)' }),
    'dp-card.json',
  );
  const text = JSON.stringify(card);
  expect(text).toContain('clipped to L2 norm 0.05');
  expect(text).toContain(`σ ${sigma.toPrecision(4)}`);
  expect(text).toContain('(ε 4, δ 0.00001)-differentially private per round');
});

test('the federation section speaks Chinese on a Chinese page, the start and a refusal included', async ({
  page,
}) => {
  const files = await centerBundles();
  await page.goto('/?lang=zh-CN');
  await page.getByRole('tab', { name: '结果包', exact: true }).click();
  const library = page.getByRole('list', { name: '结果包库' }).getByRole('listitem');
  for (const [i, file] of files.entries()) {
    await page.getByLabel('导入结果包', { exact: true }).setInputFiles(file);
    await page
      .getByTestId('trust-prompt')
      .getByRole('button', { name: '导入未签名的结果包' })
      .click();
    await expect(library).toHaveCount(i + 1);
  }
  await page.getByRole('button', { name: '研究…' }).click();
  const fed = page
    .getByRole('dialog', { name: '多中心研究' })
    .getByRole('region', { name: '联邦训练' });
  // The linear SVM's and differential privacy's words, before the start (which hides the form).
  const start = fed.getByTestId('federation-start');
  const model = fed.getByTestId('federation-center').getByLabel('模型', { exact: true });
  await model.selectOption({ label: '线性 SVM（平方合页损失），联邦牛顿迭代' });
  await expect(start.getByTestId('federation-svm-hint')).toContainText('约 5 至 10 轮');
  // Latin words but the terms that stay as they are.
  const latin = async (l: Locator) =>
    ((await l.innerText()).match(/[A-Za-z]{2,}/g) ?? []).filter(
      (w) => !['SVM', 'Platt', 'AUC', 'L2'].includes(w),
    );
  expect(await latin(start)).toEqual([]);
  await model.selectOption({ label: '逻辑回归 (L2)，联邦平均' });
  await start.getByLabel('差分隐私（对每轮更新加噪声）').check();
  await expect(start.getByTestId('federation-dp')).toContainText('每轮 ε');
  expect(await latin(start.getByTestId('federation-dp'))).toEqual([]);
  await start.getByLabel('差分隐私（对每轮更新加噪声）').uncheck();
  await fed.getByRole('button', { name: '开始：生成本中心的第一份更新' }).click();
  await expect(fed.getByTestId('center-answer')).toContainText('待发送');
  // A center's own first update given to the coordinator as if it were the coordinator's message.
  const own = await saved(
    page,
    dir,
    fed.getByTestId('center-answer').getByRole('button', { name: /\.json$/ }),
    'zh-own.json',
  );
  await fed.getByLabel('协调方的最新消息').setInputFiles(own);
  await fed.getByRole('button', { name: '回复协调方的消息' }).click();
  await expect(fed.getByTestId('center-step-error')).toHaveAttribute(
    'data-code',
    'federation-not-coordinator',
  );
  const text = await fed.innerText();
  // Words left in English: anything Latin but file names, the federation's and centers' own
  // names, and the terms that stay as they are (C, ONNX, JSON, L2).
  const english = text
    .replace(/[\w.-]+\.(json|onnx)/g, '')
    .replace(/federation-1|North|South/g, '')
    .match(/[A-Za-z]{2,}/g)
    ?.filter((w) => !['ONNX', 'JSON', 'L2'].includes(w));
  expect(english ?? []).toEqual([]);
});
