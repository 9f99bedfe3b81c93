// One ROI of a series through a feature-vector model: the analysis worker computes the features
// the model needs with the settings its card records (not the Analysis tab's), the model's
// worker classifies the vector, and the result is filed like an image prediction on the ROI's
// first slice, so the series gets its prediction in bundles as a CNN's does.
import { sliceSpacingMm } from '../../../core/analysis/volumeFromFrames.ts';
import type { StackPosition } from '../../../core/ingest/stack.ts';
import { featureVector } from '../../../core/models/featureModel/featureVector.ts';
import { attempt, ProblemError, type Result } from '../../../core/result.ts';
import { frameSources } from '../../analysis/frameSource.ts';
import type { Roi } from '../../analysis/types.ts';
import { analysisPool, featureModelWorker } from '../../services/workers.ts';
import { predictionId, type StoredPrediction } from '../../store/predictionsSlice.ts';
import { useStore } from '../../store/store.ts';
import { positionKey } from '../../viewer/useStackFrame.ts';
import type { FeatureModel } from './loadFeatureModel.ts';

export interface RoiPrediction {
  readonly prediction: StoredPrediction;
  readonly roiVoxels: number;
  /** The model's input as computed (float32), by IBSI code. */
  readonly features: Readonly<Record<string, number>>;
}

const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new ProblemError(r.error.code, r.error.reason, r.error.params);
  return r.value;
};

export function classifyRoi(
  model: FeatureModel,
  roi: Roi,
  stack: readonly StackPosition[],
  signal: AbortSignal,
): Promise<Result<RoiPrediction>> {
  return attempt(async () => {
    // The ROI's volume spans its first to its last slice, as the Analysis tab's jobs do.
    const shapes = stack.map((p) => roi.shapes[positionKey(p)] ?? null);
    const first = shapes.findIndex((s) => s !== null);
    if (first < 0) throw new ProblemError('roi-empty', `${roi.name} has no slice.`, {});
    const last = shapes.length - 1 - [...shapes].reverse().findIndex((s) => s !== null);
    const positions = stack.slice(first, last + 1);
    const metas = positions.map((p) => p.instance);
    const [rowMm, colMm] = metas[0].pixelSpacingMm ?? [1, 1];
    const { params, families } = model.settings;
    const computed = unwrap(
      await analysisPool.call(signal, 'features', {
        sources: await frameSources(positions),
        spacingMm: [colMm, rowMm, sliceSpacingMm(metas)],
        shapes: shapes.slice(first, last + 1),
        params,
        families: families ?? [],
        histogramBins: 16,
        modality: metas[0].modality ?? '',
        computeOn: useStore.getState().computeOn,
      }),
    );
    const input = featureVector(computed.features, model.card, roi.name);
    const run = unwrap(await featureModelWorker.call(signal, 'probabilities', [input]));
    const labels = model.card.output.labels;
    const probabilities: Record<string, number> = {};
    labels.forEach((label, i) => (probabilities[label] = run.probabilities[0][i]));
    const predicted = labels.reduce((a, b) => (probabilities[b] > probabilities[a] ? b : a));
    const at = positions[0];
    const { sha256, executionProvider } = model.info;
    const prediction: StoredPrediction = {
      id: predictionId(at.instance.sopInstanceUID, at.frame, sha256),
      seriesUid: at.instance.seriesInstanceUID,
      sopInstanceUid: at.instance.sopInstanceUID,
      frame: at.frame,
      model: { name: model.card.name, version: model.card.version, sha256 },
      probabilities,
      predicted,
      executionProvider,
      latencyMs: run.latencyMs,
    };
    useStore.getState().putPredictions([prediction]);
    const features: Record<string, number> = {};
    model.card.input.features.forEach((f, i) => (features[f.ibsi] = input[i]));
    return { prediction, roiVoxels: computed.roiVoxels, features };
  }, 'inference-failed');
}
