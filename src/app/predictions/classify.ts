// Classifying images: frames come from the frame cache or the decode worker, inference runs in an
// inference worker; this only hands them over and files each result in the predictions slice.
import type { StackPosition } from '../../core/ingest/stack.ts';
import type { WorkerBridge } from '../services/bridge.ts';
import type { InferenceApi, LoadedModel } from '../../workers/inference.worker.ts';
import { loadFrame } from '../services/frames.ts';
import { predictionId, type StoredPrediction } from '../store/predictionsSlice.ts';
import type { InstanceMeta } from '../../core/dicom/types.ts';
import type { FrameContext } from '../../core/inference/preprocess.ts';
import { problemOf, type Problem } from '../../core/result.ts';
import { useStore } from '../store/store.ts';

export interface ModelHandle {
  readonly bridge: WorkerBridge<InferenceApi>;
  readonly info: LoadedModel;
}

/** What preprocessing needs to know about the image besides its pixels. */
export function frameContext(meta: InstanceMeta): FrameContext {
  return {
    file: meta.file,
    modality: meta.modality,
    photometricInterpretation: meta.photometricInterpretation,
    windows: meta.windows,
  };
}

/** What a failure that carries no code of its own is filed under (problems.classify.json). */
export const classifyFailed = 'classify-failed';

/**
 * Classifies one image with one model and stores the result; a failure comes back as a Problem
 * (so the page says it in its language, however long after).
 * The model-ready input stays in the model's worker, under the prediction's id, for saliency.
 */
export async function classifyPosition(
  model: ModelHandle,
  pos: StackPosition,
  signal?: AbortSignal,
): Promise<StoredPrediction | { problem: Problem }> {
  const meta = pos.instance;
  try {
    const frame = await loadFrame(meta, pos.frame);
    const { card, sha256, executionProvider } = model.info;
    const id = predictionId(meta.sopInstanceUID, pos.frame, sha256);
    const r = await model.bridge.call(signal, 'classifyFrame', frame, frameContext(meta), id);
    if (!r.ok) return { problem: r.error };
    const stored: StoredPrediction = {
      id,
      seriesUid: meta.seriesInstanceUID,
      sopInstanceUid: meta.sopInstanceUID,
      frame: pos.frame,
      model: { name: card.name, version: card.version, sha256 },
      probabilities: r.value.prediction.probabilities,
      predicted: r.value.prediction.predictedLabel,
      executionProvider,
      latencyMs: r.value.latencyMs,
    };
    useStore.getState().putPredictions([stored]);
    return stored;
  } catch (err) {
    if (signal?.aborted) throw err;
    return { problem: problemOf(err, classifyFailed, { file: meta.file }) };
  }
}

/**
 * Classifies every image of a stack with each model in turn (one worker per model, so both can
 * run at once); images a model has already classified are skipped. Returns the first problem seen.
 */
export async function classifyStack(
  models: readonly ModelHandle[],
  stack: readonly StackPosition[],
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<Problem | undefined> {
  const total = stack.length * models.length;
  let done = 0;
  let firstProblem: Problem | undefined;
  await Promise.all(
    models.map(async (m) => {
      for (const pos of stack) {
        const id = predictionId(pos.instance.sopInstanceUID, pos.frame, m.info.sha256);
        if (!useStore.getState().predictions[id]) {
          const r = await classifyPosition(m, pos, signal);
          if ('problem' in r) firstProblem ??= r.problem;
        }
        onProgress(++done, total);
      }
    }),
  );
  return firstProblem;
}
