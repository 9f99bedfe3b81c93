import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { parseCard } from './card.ts';
import { createClassifier } from './classifier.ts';
import { InferenceFailure } from './errors.ts';
import { occlusionMap, patchOrigins } from './saliency.ts';

const models = new URL('../../../public/models/', import.meta.url);
const card = parseCard(
  JSON.parse(readFileSync(new URL('pneumonia-cnn.card.json', models), 'utf8')),
  'card',
);
const bytes = new Uint8Array(readFileSync(new URL('pneumonia-cnn.onnx', models)));
const reference = JSON.parse(
  readFileSync(new URL('pneumonia-cnn.reference.json', models), 'utf8'),
) as { cases: { input: number[] }[] };
const image = Float32Array.from(reference.cases[0].input);

describe('patchOrigins', () => {
  it('steps by the stride and ends flush with the edge', () => {
    expect(patchOrigins(28, 8, 4)).toEqual([0, 4, 8, 12, 16, 20]);
    expect(patchOrigins(28, 8, 8)).toEqual([0, 8, 16, 20]);
    expect(patchOrigins(4, 8, 2)).toEqual([0]);
  });
});

describe('occlusionMap', () => {
  it('with one patch covering the image, every pixel holds p(image) - p(blank image)', async () => {
    const classifier = await createClassifier(ort, bytes, card, { file: 'm' });
    const result = await occlusionMap(classifier, image, {
      patch: 28,
      stride: 28,
      label: 'pneumonia',
    });
    const [p] = (await classifier.probabilities([image])).probabilities;
    const [blank] = (await classifier.probabilities([new Float32Array(784)])).probabilities;
    expect(result.label).toBe('pneumonia');
    expect(result.baseline).toBeCloseTo(p[1], 6);
    expect(result.map[0]).toBeCloseTo(p[1] - blank[1], 6);
    expect(result.map[783]).toBeCloseTo(p[1] - blank[1], 6);
    await classifier.release();
  });

  it('reports progress per batch and stops when aborted', async () => {
    const classifier = await createClassifier(ort, bytes, card, { file: 'm' });
    const seen: [number, number][] = [];
    const result = await occlusionMap(classifier, image, {
      patch: 8,
      stride: 4,
      batchSize: 16,
      onProgress: (done, total) => seen.push([done, total]),
    });
    // 6 x 6 patch positions in batches of 16.
    expect(seen).toEqual([
      [0, 36],
      [16, 36],
      [32, 36],
      [36, 36],
    ]);
    expect(result.map.length).toBe(784);
    expect(result.map.some((v) => v !== 0)).toBe(true);

    const signal = { aborted: false };
    const aborted = occlusionMap(classifier, image, {
      patch: 4,
      stride: 2,
      batchSize: 8,
      signal,
      onProgress: (done) => {
        if (done >= 8) signal.aborted = true;
      },
    });
    await expect(aborted).rejects.toBeInstanceOf(InferenceFailure);
    await expect(aborted).rejects.toMatchObject({ error: { code: 'aborted' } });
    await classifier.release();
  });
});
