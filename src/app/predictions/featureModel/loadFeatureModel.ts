// A feature-vector model (as `consilium train` writes it) from the files the user picks: the
// .onnx and its card. It loads in its own inference worker; its card must record the feature
// settings, so the features can be computed for a shown ROI exactly as they were for training.
import type { FeatureSettings } from '../../../core/analysis/paramsFile/settings.ts';
import type { FeatureModelCard } from '../../../core/inference/modelCard.ts';
import {
  isFeatureCard,
  recordedSettings,
} from '../../../core/models/featureModel/recordedSettings.ts';
import { fail, ok, problemOf, type Result } from '../../../core/result.ts';
import type { LoadedModel } from '../../../workers/inference.worker.ts';
import { featureModelWorker } from '../../services/workers.ts';

export interface FeatureModel {
  readonly info: LoadedModel;
  readonly card: FeatureModelCard;
  readonly settings: FeatureSettings;
}

export async function loadFeatureModel(files: readonly File[]): Promise<Result<FeatureModel>> {
  const onnx = files.find((f) => f.name.toLowerCase().endsWith('.onnx'));
  const cardFile = files.find((f) => f.name.toLowerCase().endsWith('.json'));
  if (!onnx || !cardFile)
    return fail('model-files', 'Pick two files: the model (.onnx) and its model card (.json).');
  let cardJson: unknown;
  try {
    cardJson = JSON.parse(await cardFile.text());
  } catch {
    return fail('card-not-json', `${cardFile.name} is not JSON.`, { file: cardFile.name });
  }
  const bytes = new Uint8Array(await onnx.arrayBuffer());
  featureModelWorker.terminate(); // a fresh session; the previous model is let go
  const r = await featureModelWorker.call(undefined, 'load', bytes, cardJson, onnx.name, 'wasm');
  if (!r.ok) return r;
  const card = r.value.card;
  if (!isFeatureCard(card))
    return fail('model-not-features', `${onnx.name} classifies images, not features.`, {
      file: onnx.name,
    });
  try {
    return ok({ info: r.value, card, settings: recordedSettings(card, onnx.name) });
  } catch (e) {
    return { ok: false, error: problemOf(e, 'model-settings-invalid', { file: onnx.name }) };
  }
}
