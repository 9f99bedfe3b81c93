// The shipped model, run through the project's own preprocessing and onnxruntime-node on the
// official PneumoniaMNIST test split, must reach the card's figures (and the floor).
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import type { DecodedFrame } from '../dicom/types.ts';
import { parseCard } from './card.ts';
import { createClassifier } from './classifier.ts';
import { accuracy, rocAuc } from './metrics.ts';
import { isImageCard } from './modelCard.ts';
import { parseNpy } from './npy.ts';
import { preprocessFrame } from './preprocess.ts';

const npzPath = '../shared/data/medmnist/pneumoniamnist_reconstructed.npz';
const models = new URL('../../../public/models/', import.meta.url);

describe('pneumonia-cnn on the official PneumoniaMNIST test split', () => {
  it('reaches AUC >= 0.97 and ACC >= 0.88, equal to the figures on its card', async () => {
    const card = parseCard(
      JSON.parse(readFileSync(new URL('pneumonia-cnn.card.json', models), 'utf8')),
      'pneumonia-cnn.card.json',
    );
    if (!isImageCard(card)) throw new Error('the default model takes images');
    const members = unzipSync(new Uint8Array(readFileSync(npzPath)));
    const images = parseNpy(members['test_images.npy']);
    const labels = parseNpy(members['test_labels.npy']).data as Uint8Array;
    const [count, rows, columns] = images.shape;
    expect(count).toBe(624);

    const inputs = Array.from({ length: count }, (_, i) => {
      const pixels = images.data.subarray(i * rows * columns, (i + 1) * rows * columns);
      const frame: DecodedFrame = {
        rows,
        columns,
        samplesPerPixel: 1,
        values: Float32Array.from(pixels as Uint8Array),
        min: 0,
        max: 255,
        invert: false,
      };
      return preprocessFrame(frame, card.preprocessing, card.input, { file: `test[${i}]` });
    });
    const bytes = new Uint8Array(readFileSync(new URL(card.model.file, models)));
    const classifier = await createClassifier(ort, bytes, card, { file: card.model.file });
    const { probabilities } = await classifier.probabilities(inputs);
    await classifier.release();

    const positive = card.output.labels.indexOf(card.output.positiveLabel ?? 'pneumonia');
    const scores = probabilities.map((p) => p[positive]);
    const auc = rocAuc(scores, labels);
    const acc = accuracy(scores, labels, card.metrics.threshold ?? 0.5);
    expect(auc).toBeGreaterThanOrEqual(0.97);
    expect(acc).toBeGreaterThanOrEqual(0.88);
    // The card rounds to 4 decimals.
    expect(Math.abs(auc - card.metrics.auc)).toBeLessThanOrEqual(5e-5 + 1e-9);
    expect(Math.abs(acc - card.metrics.accuracy)).toBeLessThanOrEqual(5e-5 + 1e-9);
  });
});
