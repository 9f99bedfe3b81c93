// Classifier results: one entry per image (instance + frame) and model. Metadata and probabilities
// only; the model-ready inputs that an occlusion map needs stay in the inference worker.
import type { StateCreator } from 'zustand';
import type { ModelRef } from '../../core/bundle/types.ts';
import type { LoadedModel } from '../../workers/inference.worker.ts';
import type { AppState } from './store.ts';

export interface StoredPrediction {
  /** predictionId(sopInstanceUid, frame, model.sha256). */
  readonly id: string;
  readonly seriesUid: string;
  readonly sopInstanceUid: string;
  readonly frame: number;
  readonly model: ModelRef;
  /** Card label order. */
  readonly probabilities: Readonly<Record<string, number>>;
  readonly predicted: string;
  readonly executionProvider: 'webgpu' | 'wasm';
  readonly latencyMs: number;
}

/** The key of one image's prediction by one model: the model's file hash, not its name. */
export function predictionId(sopInstanceUid: string, frame: number, modelSha256: string): string {
  return `${sopInstanceUid}#${frame}@${modelSha256}`;
}

export interface PredictionsSlice {
  predictions: Record<string, StoredPrediction>;
  /** A model loaded beside the default one for a comparison (its session lives in its worker). */
  comparisonModel: LoadedModel | null;
  setComparisonModel: (m: LoadedModel | null) => void;
  putPredictions: (ps: readonly StoredPrediction[]) => void;
  /** Forget every prediction, or only one model's. */
  clearPredictions: (modelSha256?: string) => void;
}

export const createPredictionsSlice: StateCreator<AppState, [], [], PredictionsSlice> = (set) => ({
  predictions: {},
  comparisonModel: null,
  setComparisonModel: (comparisonModel) => set({ comparisonModel }),
  putPredictions: (ps) =>
    set((s) => {
      const predictions = { ...s.predictions };
      for (const p of ps) predictions[p.id] = p;
      return { predictions };
    }),
  clearPredictions: (modelSha256) =>
    set((s) => ({
      predictions: modelSha256
        ? Object.fromEntries(
            Object.entries(s.predictions).filter(([, p]) => p.model.sha256 !== modelSha256),
          )
        : {},
    })),
});
