import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { parseCard } from './card.ts';
import { createClassifier } from './classifier.ts';
import { InferenceFailure } from './errors.ts';
import type { ModelCard } from './modelCard.ts';

const models = new URL('../../../public/models/', import.meta.url);
const modelBytes = new Uint8Array(readFileSync(new URL('pneumonia-cnn.onnx', models)));
const card = parseCard(
  JSON.parse(readFileSync(new URL('pneumonia-cnn.card.json', models), 'utf8')),
  'pneumonia-cnn.card.json',
);
interface ReferenceCase {
  source: string;
  input: number[];
  probabilities: number[];
}
const reference = JSON.parse(
  readFileSync(new URL('pneumonia-cnn.reference.json', models), 'utf8'),
) as { sha256: string; cases: ReferenceCase[] };

async function failure(promise: Promise<unknown>): Promise<InferenceFailure> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof InferenceFailure) return err;
    throw err;
  }
  throw new Error('expected an InferenceFailure');
}

describe('classifier on the shipped model (onnxruntime-node)', () => {
  it("gives PyTorch's probabilities to 1e-4 for the reference inputs, batched and one by one", async () => {
    expect(reference.sha256).toBe(card.model.sha256);
    const classifier = await createClassifier(ort, modelBytes, card, { file: 'm', batchSize: 4 });
    const inputs = reference.cases.map((c) => Float32Array.from(c.input));
    const batched = await classifier.probabilities(inputs);
    const single = await Promise.all(inputs.map((x) => classifier.probabilities([x])));
    reference.cases.forEach((c, i) => {
      c.probabilities.forEach((p, k) => {
        expect(Math.abs(batched.probabilities[i][k] - p)).toBeLessThan(1e-4);
        expect(Math.abs(single[i].probabilities[0][k] - p)).toBeLessThan(1e-4);
      });
    });
    const { predictions } = await classifier.predict(inputs.slice(0, 1));
    const [pNormal, pPneumonia] = reference.cases[0].probabilities;
    expect(predictions[0].predictedLabel).toBe(pPneumonia > pNormal ? 'pneumonia' : 'normal');
    expect(predictions[0].probabilities.normal).toBeCloseTo(pNormal, 4);
    await classifier.release();
  });

  it('reports a corrupt .onnx as unreadable, naming the file', async () => {
    const corrupt = modelBytes.slice(0, 2000);
    const err = await failure(createClassifier(ort, corrupt, card, { file: 'broken.onnx' }));
    expect(err.error.code).toBe('model-unreadable');
    expect(err.error.file).toBe('broken.onnx');
  });

  it('refuses a model whose SHA-256 is not the one on its card', async () => {
    const other: ModelCard = { ...card, model: { ...card.model, sha256: '0'.repeat(64) } };
    const err = await failure(createClassifier(ort, modelBytes, other, { file: 'm.onnx' }));
    expect(err.error.code).toBe('model-sha256-mismatch');
    expect(err.error.reason).toContain(card.model.sha256);
  });

  it('refuses a card whose input name, shape or labels disagree with the model', async () => {
    const wrongName = { ...card, input: { ...card.input, tensorName: 'pixels' } } as ModelCard;
    const e1 = await failure(createClassifier(ort, modelBytes, wrongName, { file: 'm' }));
    expect(e1.error.code).toBe('model-input-mismatch');
    expect(e1.error.reason).toContain('"pixels" is not an input of the model (it has "image")');

    const wrongShape = {
      ...card,
      input: { ...card.input, shape: ['N', 1, 32, 32] },
    } as ModelCard;
    const e2 = await failure(createClassifier(ort, modelBytes, wrongShape, { file: 'm' }));
    expect(e2.error.reason).toContain('shape [N, 1, 28, 28] in the model but [N, 1, 32, 32]');

    const threeLabels = {
      ...card,
      output: { ...card.output, labels: ['normal', 'bacterial', 'viral'] },
    } as ModelCard;
    const e3 = await failure(createClassifier(ort, modelBytes, threeLabels, { file: 'm' }));
    expect(e3.error.code).toBe('model-output-mismatch');
  });
});
