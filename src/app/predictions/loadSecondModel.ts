// A second model for comparisons, from files the user picks or drops: one .onnx and its card
// (.json). It gets its own inference worker, so the default model stays loaded beside it.
import type { ExecutionProvider } from '../../workers/inferenceRuntime.ts';
import type { LoadedModel } from '../../workers/inference.worker.ts';
import { useStore } from '../store/store.ts';

import { comparisonWorker } from '../services/workers.ts';
export { comparisonWorker };

/** Loads the picked model; the error says what is missing or wrong in plain words. */
export async function loadSecondModel(
  files: readonly File[],
  provider: ExecutionProvider,
): Promise<LoadedModel> {
  const onnx = files.find((f) => f.name.toLowerCase().endsWith('.onnx'));
  const card = files.find((f) => f.name.toLowerCase().endsWith('.json'));
  if (!onnx || !card)
    throw new Error('Pick two files: the model (.onnx) and its model card (.json).');
  let cardJson: unknown;
  try {
    cardJson = JSON.parse(await card.text());
  } catch {
    throw new Error(`${card.name} is not JSON.`);
  }
  const bytes = new Uint8Array(await onnx.arrayBuffer());
  comparisonWorker.terminate();
  const r = await comparisonWorker.call(undefined, 'load', bytes, cardJson, onnx.name, provider);
  if (!r.ok) throw new Error(r.error.reason);
  useStore.getState().setComparisonModel(r.value);
  return r.value;
}
