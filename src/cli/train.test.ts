// consilium train end to end: a three-center study CSV → leave-one-center-out on worker threads
// → model.onnx that onnxruntime runs and a card that validates and names its digest.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkModelDigest, parseCard } from '../core/inference/card.ts';
import { simulatedStudy } from '../core/models/validation/testing/simulatedStudy.ts';
import { captureCommand } from './io/testing/captureCommand.ts';
import { trainCommand } from './train.ts';

let dir: string;
const study = simulatedStudy([40, 35, 45], 6, 3, 21);

function csv(codes: boolean): string {
  const p = study.x.cols;
  const header = ['caseKey', 'center', 'roi', 'label'].concat(
    Array.from({ length: p }, (_, j) => (codes ? `feature ${j} [F${j}AB]` : `feature ${j}`)),
  );
  const rows = Array.from({ length: study.y.length }, (_, i) =>
    [`case${i}`, study.centerNames[study.centers[i]], 'lesion', study.y[i] ? 'malignant' : 'benign']
      .concat(Array.from(study.x.data.subarray(i * p, (i + 1) * p), String))
      .join(','),
  );
  return [header.join(','), ...rows].join('\n') + '\n';
}

const capture = (argv: string[]) => captureCommand(trainCommand, argv);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'consilium-train-'));
  await writeFile(join(dir, 'study.csv'), csv(true));
  await writeFile(join(dir, 'plain.csv'), csv(false));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('consilium train', () => {
  it('leave-one-center-out on threads, then model.onnx and a valid card', async () => {
    const model = join(dir, 'model.onnx');
    const card = join(dir, 'card.json');
    const r = await capture([
      join(dir, 'study.csv'),
      '--model',
      'logreg-l2',
      '--loco',
      '--jobs',
      '2',
      '--out',
      model,
      '--card',
      card,
      '--json',
    ]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/3\/3 folds/);
    const record = JSON.parse(r.out);
    expect(record.ok).toBe(true);
    expect(record.value.validation.scheme).toBe('leave-one-center-out');
    expect(record.value.validation.perCenter).toHaveLength(3);
    expect(record.value.validation.overall.auc).toBeGreaterThan(0.8);
    const bytes = new Uint8Array(await readFile(model));
    const parsed = parseCard(JSON.parse(await readFile(card, 'utf8')), card);
    await checkModelDigest(parsed, bytes, model);
    expect(parsed.input.kind === 'features' && parsed.input.features[0]).toEqual({
      name: 'feature 0',
      ibsi: 'F0AB',
    });
    expect(parsed.output.labels).toEqual(['benign', 'malignant']);
    const session = await ort.InferenceSession.create(bytes);
    const x = new ort.Tensor('float32', Float32Array.from(study.x.data), [study.y.length, 6]);
    const out = await session.run({ float_input: x });
    expect(out.probabilities.dims).toEqual([study.y.length, 2]);
  });

  it('repeated k-fold in text form prints per-center lines with intervals', async () => {
    const r = await capture([
      join(dir, 'plain.csv'),
      '--model',
      'forest',
      '--trees',
      '30',
      '--cv',
      '3',
      '--repeats',
      '2',
      '--out',
      join(dir, 'forest.onnx'),
    ]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/6\/6 folds/);
    expect(r.out).toMatch(/Validation, stratified 3-fold × 2 repeats: AUC 0\.\d+ \(95% CI/);
    expect(r.out).toMatch(/center-2: AUC/);
  });

  it('a constant column and a near-copy are left out and said so, not trained on', async () => {
    const lines = csv(false).trim().split('\n');
    const withExtra = lines.map((l, i) =>
      i === 0 ? `${l},constant,copy` : `${l},7,${Number(l.split(',')[4]) * 2}`,
    );
    await writeFile(join(dir, 'extra.csv'), withExtra.join('\n') + '\n');
    const r = await capture([
      join(dir, 'extra.csv'),
      '--model',
      'logreg-l2',
      '--select',
      'corr=0.99',
      '--out',
      join(dir, 'extra.onnx'),
    ]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Features: 6 of 8 used/);
    expect(r.out).toMatch(/left out "constant": no variance in the training cases/);
    expect(r.out).toMatch(/left out "copy": \|r\| 1\.000 with "feature 0"/);
  });

  it('a card for columns without IBSI codes is refused in words; bad options are usage errors', async () => {
    const r = await capture([
      join(dir, 'plain.csv'),
      '--model',
      'logreg-l1',
      '--out',
      join(dir, 'm.onnx'),
      '--card',
      join(dir, 'c.json'),
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/card-feature-codes/);
    const u = await capture([join(dir, 'plain.csv'), '--model', 'tree', '--out', 'x']);
    expect(u.code).toBe(2);
    expect(u.err).toMatch(/--model is one of/);
  });
});
