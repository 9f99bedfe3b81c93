// The Predictions tab: the default classifier on the active image, with its execution provider,
// latency and model card. Inference runs in the inference worker; this component only shows it.
import { useState } from 'react';
import type { Prediction } from '../../core/inference/classifier.ts';
import type { Result } from '../../workers/inference.worker.ts';
import { loadFrame } from '../services/frames.ts';
import { selectActivePosition } from '../store/selectors.ts';
import { useStore } from '../store/store.ts';
import { PredictionsCard } from './PredictionsCard.tsx';
import { PredictionsList } from './PredictionsList.tsx';
import { PredictionsSaliency } from './PredictionsSaliency.tsx';
import { inferenceWorker, type ProviderChoice, useDefaultModel } from './PredictionsSession.tsx';
import { PredictionsVerify } from './PredictionsVerify.tsx';

type Outcome =
  | { prediction: Prediction; latencyMs: number; file: string; input: Float32Array }
  | { error: string };

export function PredictionsPanel() {
  const [provider, setProvider] = useState<ProviderChoice>('auto');
  const [threads, setThreads] = useState<number | undefined>(undefined);
  const model = useDefaultModel(provider, provider === 'wasm' ? threads : undefined);
  const position = useStore(selectActivePosition);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const classify = async () => {
    if (!position) return;
    const { instance: meta, frame: index } = position;
    try {
      const frame = await loadFrame(meta, index);
      const ctx = {
        file: meta.file,
        modality: meta.modality,
        photometricInterpretation: meta.photometricInterpretation,
        windows: meta.windows,
      };
      type Classified = Result<{ prediction: Prediction; latencyMs: number; input: Float32Array }>;
      const r = await inferenceWorker.call<Classified>(
        undefined,
        (api) => api.classifyFrame(frame, ctx) as Promise<Classified>,
      );
      setOutcome(r.ok ? { ...r.value, file: meta.file } : { error: r.error.reason });
    } catch (err) {
      setOutcome({ error: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <div className="predictions-panel">
      <label>
        Run on{' '}
        <select
          aria-label="Execution provider"
          value={provider}
          onChange={(e) => setProvider(e.target.value as ProviderChoice)}
        >
          <option value="auto">best available</option>
          <option value="webgpu">WebGPU</option>
          <option value="wasm">WASM</option>
        </select>
      </label>
      {provider === 'wasm' && (
        <label>
          {' '}
          threads{' '}
          <select
            aria-label="WASM threads"
            value={threads ?? 0}
            onChange={(e) => setThreads(Number(e.target.value) || undefined)}
          >
            <option value={0}>automatic</option>
            <option value={1}>1</option>
            <option value={2}>2</option>
            <option value={4}>4</option>
          </select>
        </label>
      )}
      {model.status === 'loading' && <p className="muted">Loading model…</p>}
      {model.status === 'failed' && (
        <p role="alert">
          Model not available ({model.error.code}): {model.error.reason}
        </p>
      )}
      {model.status === 'ready' && (
        <>
          <p className="muted" data-testid="execution-provider">
            {model.model.executionProvider === 'webgpu'
              ? 'WebGPU'
              : `WASM (${model.model.threads} thread${model.model.threads > 1 ? 's' : ''})`}
          </p>
          <button type="button" disabled={!position} onClick={classify}>
            Classify this image
          </button>
          {outcome && 'error' in outcome && <p role="alert">{outcome.error}</p>}
          {outcome && 'prediction' in outcome && (
            <>
              <PredictionsList prediction={outcome.prediction} />
              <p className="muted">
                {outcome.prediction.predictedLabel} · {outcome.latencyMs.toFixed(1)} ms
              </p>
              <PredictionsSaliency key={outcome.file} input={outcome.input} />
            </>
          )}
          <PredictionsCard card={model.model.card} sha256={model.model.sha256} />
          <PredictionsVerify />
        </>
      )}
    </div>
  );
}
