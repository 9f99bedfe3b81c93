// A feature-vector model end to end on the command line: `consilium features` of an RTSTRUCT
// structure → a small study around those values → `consilium train` (card with the feature
// settings) → `consilium infer --mask` gives the probability onnxruntime gives for the features
// `consilium features` computed. A card without the settings is refused in plain words.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultParams } from '../core/analysis/params.ts';
import { recordableSettings } from '../core/models/featureModel/recordedSettings.ts';
import { studyCsvAround } from '../core/models/featureModel/testing/studyAround.ts';
import { inferCommand } from './infer.ts';
import { captureCommand } from './io/testing/captureCommand.ts';
import { trainCommand } from './train.ts';

const fixtures = 'src/core/masks/fixtures';
const codes = ['Q4LE', 'ECT3', 'KE2A', 'GYBY'];
const ring = [`${fixtures}/ct`, '--mask', `${fixtures}/rtstruct.dcm`, '--structure', 'Ring'];
let dir: string;
let ringFeatures: { name: string; ibsiCode: string; value: number }[];

interface InferLine {
  ok: boolean;
  value?: {
    roi: { structure?: string };
    probabilities: Record<string, number>;
    predictedLabel: string;
    features: Record<string, number>;
  };
  error?: { code: string; reason: string };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'consilium-infer-features-'));
  const run = spawnSync('node', ['bin/consilium.mjs', 'features', ...ring, '--json'], {
    encoding: 'utf8',
  });
  const line = run.stdout.split('\n').find((l) => l.startsWith('{'))!;
  ringFeatures = JSON.parse(line).value.features;
  const anchor = codes.map((code) => {
    const f = ringFeatures.find((x) => x.ibsiCode === code)!;
    return { name: f.name, code, value: f.value };
  });
  await writeFile(join(dir, 'study.csv'), studyCsvAround(anchor));
  await writeFile(
    join(dir, 'study.settings.json'),
    JSON.stringify(recordableSettings(defaultParams)),
  );
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

async function train(card: string, extra: string[] = []) {
  const trained = await captureCommand(trainCommand, [
    join(dir, 'study.csv'),
    '--model',
    'logreg-l2',
    '--out',
    join(dir, 'model.onnx'),
    '--card',
    card,
    ...extra,
  ]);
  expect(trained.err).toBe('');
  expect(trained.code).toBe(0);
}

describe('consilium infer with a feature-vector model', () => {
  it("classifies an RTSTRUCT structure with the card's settings, as onnxruntime does its features", async () => {
    const card = join(dir, 'model.card.json');
    await train(card);
    const json = JSON.parse(await readFile(card, 'utf8'));
    expect(json.training.featureSettings).toMatchObject({ aggregation: '3d-merged' });

    const run = await captureCommand(inferCommand, [
      ...ring,
      '--model',
      join(dir, 'model.onnx'),
      '--card',
      card,
      '--json',
    ]);
    expect(run.code).toBe(0);
    const lines = run.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as InferLine);
    expect(lines).toHaveLength(1);
    const v = lines[0].value!;
    expect(v.roi.structure).toBe('Ring');
    // The model's input is the features `consilium features` reports, as float32.
    for (const code of codes)
      expect(v.features[code]).toBe(
        Math.fround(ringFeatures.find((f) => f.ibsiCode === code)!.value),
      );
    const session = await ort.InferenceSession.create(join(dir, 'model.onnx'));
    const input = Float32Array.from(codes, (c) => v.features[c]);
    const out = await session.run({ float_input: new ort.Tensor('float32', input, [1, 4]) });
    await session.release();
    const p = out.probabilities.data as Float32Array;
    // Column k is the card's label k (train sorts the labels; the second is the positive one).
    expect(json.output.labels).toEqual(['high', 'low']);
    expect(Math.abs(v.probabilities.high - p[0])).toBeLessThan(1e-6);
    expect(Math.abs(v.probabilities.low - p[1])).toBeLessThan(1e-6);
    // The study is built around this ROI: not a saturated probability.
    expect(v.probabilities.high).toBeGreaterThan(0.02);
    expect(v.probabilities.high).toBeLessThan(0.98);
  }, 60_000);

  it('refuses a card that does not record the feature settings', async () => {
    const card = join(dir, 'bare.card.json');
    await train(card, ['--settings', join(dir, 'study.settings.json')]);
    const json = JSON.parse(await readFile(card, 'utf8'));
    delete json.training.featureSettings;
    await writeFile(card, JSON.stringify(json));
    const run = await captureCommand(inferCommand, [
      ...ring,
      '--model',
      join(dir, 'model.onnx'),
      '--card',
      card,
      '--json',
    ]);
    expect(run.code).toBe(1);
    const line = JSON.parse(run.out.trim()) as InferLine;
    expect(line.error?.code).toBe('model-settings-missing');
    expect(line.error?.reason).toContain('consilium train --settings');
  }, 60_000);
});
