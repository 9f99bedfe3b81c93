// Reading the predictions slice: a series' predictions by one model in stack order, their series
// aggregate, and the series records as bundle inputs (real identifiers; the worker keys them).
import type { ModelRef } from '../../core/bundle/types.ts';
import { aggregateSeries, type SeriesAggregate } from '../../core/inference/seriesAggregate.ts';
import type { StackPosition } from '../../core/ingest/stack.ts';
import { predictionId, type StoredPrediction } from '../store/predictionsSlice.ts';
import { seriesPrediction } from '../../core/pipeline/seriesPrediction.ts';
import type { LocalPrediction } from '../../core/pipeline/types.ts';

export interface ImagePrediction {
  /** Index in the series' stack (what the viewer's slider shows). */
  readonly index: number;
  readonly prediction: StoredPrediction;
}

/** The series' images that this model has classified, in stack order. */
export function seriesPredictions(
  predictions: Readonly<Record<string, StoredPrediction>>,
  stack: readonly StackPosition[],
  modelSha256: string,
): ImagePrediction[] {
  const out: ImagePrediction[] = [];
  stack.forEach((pos, index) => {
    const p = predictions[predictionId(pos.instance.sopInstanceUID, pos.frame, modelSha256)];
    if (p) out.push({ index, prediction: p });
  });
  return out;
}

export function seriesAggregate(images: readonly ImagePrediction[]): SeriesAggregate | undefined {
  return aggregateSeries(images.map((i) => i.prediction));
}

/** One bundle prediction per series and model: the core's series record over its images. */
export function localPredictions(
  predictions: Readonly<Record<string, StoredPrediction>>,
  stacks: Readonly<Record<string, StackPosition[]>>,
): LocalPrediction[] {
  const groups = new Map<string, { seriesUid: string; model: ModelRef }>();
  for (const p of Object.values(predictions))
    groups.set(`${p.seriesUid}\u0000${p.model.sha256}`, { seriesUid: p.seriesUid, model: p.model });
  const out: LocalPrediction[] = [];
  for (const { seriesUid, model } of groups.values()) {
    const stack = stacks[seriesUid] ?? [];
    const images = seriesPredictions(predictions, stack, model.sha256).map((i) => ({
      meta: stack[i.index].instance,
      prediction: {
        probabilities: i.prediction.probabilities,
        predictedLabel: i.prediction.predicted,
      },
    }));
    const record = seriesPrediction(seriesUid, model, images);
    if (record) out.push(record);
  }
  return out;
}
