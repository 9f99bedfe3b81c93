// Series predictions for `consilium analyze`: every slice of a series through the model card's
// preprocessing, then one prediction per series by the stated rule (mean probability, argmax).
import type { CryptoKeyHandle } from '../core/crypto/subtle.ts';
import type { PredictionResult } from '../core/bundle/types.ts';
import { pseudonymousKey } from '../core/deid/pseudonym.ts';
import type { Classifier } from '../core/inference/classifier.ts';
import { toInferenceError } from '../core/inference/errors.ts';
import { isImageCard } from '../core/inference/modelCard.ts';
import { preprocessFrame } from '../core/inference/preprocess.ts';
import { aggregateSeries } from '../core/inference/seriesAggregate.ts';
import type { LoadedSeries } from './analysisInput.ts';

export type SeriesPrediction =
  | { ok: true; result: PredictionResult; rule: string }
  | { ok: false; code: string; reason: string };

export async function predictSeries(
  classifier: Classifier,
  key: CryptoKeyHandle,
  series: LoadedSeries,
  label: string | undefined,
): Promise<SeriesPrediction> {
  const { card } = classifier;
  if (!isImageCard(card))
    return { ok: false, code: 'image-unsupported', reason: 'the model takes features, not images' };
  const inputs: Float32Array[] = [];
  try {
    series.frames.forEach((frame, i) => {
      const meta = series.metas[i];
      inputs.push(
        preprocessFrame(frame, card.preprocessing, card.input, {
          file: meta.file,
          modality: meta.modality,
          photometricInterpretation: meta.photometricInterpretation,
          windows: meta.windows,
        }),
      );
    });
  } catch (err) {
    const e = toInferenceError(err, series.metas[0]?.file ?? '', 'image-unsupported');
    return { ok: false, code: e.code, reason: e.reason };
  }
  const { predictions } = await classifier.predict(inputs);
  const series1 = aggregateSeries(predictions);
  if (!series1) return { ok: false, code: 'no-images', reason: 'the series has no images' };
  const meta = series.metas[0];
  return {
    ok: true,
    rule: series1.rule,
    result: {
      caseKey: await pseudonymousKey(key, 'patient', meta.patientID),
      studyKey: await pseudonymousKey(key, 'study', meta.studyInstanceUID),
      seriesKey: await pseudonymousKey(key, 'series', series.seriesInstanceUID),
      model: { name: card.name, version: card.version, sha256: classifier.sha256 },
      probabilities: series1.probabilities,
      predicted: series1.predictedLabel,
      ...(label ? { label } : {}),
    },
  };
}
