// Loads a model and its card from disk for the CLI (the default model when none is named).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { parseCard } from '../core/inference/card.ts';
import { type Classifier, createClassifier } from '../core/inference/classifier.ts';
import { InferenceFailure } from '../core/inference/errors.ts';

export const defaultModelPath = fileURLToPath(
  new URL('../../public/models/pneumonia-cnn.onnx', import.meta.url),
);

/** A model's card sits beside it: m.onnx -> m.card.json. */
export function cardPathFor(modelPath: string): string {
  return modelPath.replace(/\.onnx$/i, '') + '.card.json';
}

async function readOrFail(path: string, what: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new InferenceFailure('model-unreadable', path, `the ${what} cannot be read (${why})`);
  }
}

export async function loadClassifier(
  modelPath = defaultModelPath,
  cardPath = cardPathFor(modelPath),
  batchSize = 32,
  /** onnxruntime's intra-op threads; its default (all cores) unless given. */
  threads?: number,
): Promise<Classifier> {
  const cardText = new TextDecoder().decode(await readOrFail(cardPath, 'model card'));
  let json: unknown;
  try {
    json = JSON.parse(cardText);
  } catch (err) {
    throw new InferenceFailure(
      'card-invalid',
      cardPath,
      `the model card is not JSON (${String(err)})`,
    );
  }
  const card = parseCard(json, cardPath);
  const bytes = await readOrFail(modelPath, 'model');
  const classifier = await createClassifier(ort, bytes, card, {
    file: modelPath,
    batchSize,
    ...(threads ? { session: { intraOpNumThreads: threads } } : {}),
  });
  await classifier.warmUp();
  return classifier;
}
