// The Predictions tab: the default classifier on the active image, with its execution provider,
// latency and model card. Inference runs in the inference worker; this component only shows it.
import { useState } from 'react';
import { classifyPosition, type ModelHandle } from '../predictions/classify.ts';
import { PredictionsCompare } from '../predictions/PredictionsCompare.tsx';
import { PredictionsSeries } from '../predictions/PredictionsSeries.tsx';
import { selectActivePosition } from '../store/selectors.ts';
import { predictionId } from '../store/predictionsSlice.ts';
import { useStore } from '../store/store.ts';
import { PredictionsCard } from './PredictionsCard.tsx';
import { PredictionsList } from './PredictionsList.tsx';
import { PredictionsSaliency } from './PredictionsSaliency.tsx';
import { inferenceWorker, type ProviderChoice, useDefaultModel } from './PredictionsSession.tsx';
import { PredictionsVerify } from './PredictionsVerify.tsx';

export function PredictionsPanel() {
  const [provider, setProvider] = useState<ProviderChoice>('auto');
  const [threads, setThreads] = useState<number | undefined>(undefined);
  const model = useDefaultModel(provider, provider === 'wasm' ? threads : undefined);
  const position = useStore(selectActivePosition);
  const handle: ModelHandle | null =
    model.status === 'ready' ? { bridge: inferenceWorker, info: model.model } : null;
  // Results live in the predictions slice; this image's, by this model, is shown.
  const current = useStore((s) =>
    position && handle
      ? s.predictions[
          predictionId(position.instance.sopInstanceUID, position.frame, handle.info.sha256)
        ]
      : undefined,
  );
  const [error, setError] = useState('');

  const classify = async () => {
    if (!position || !handle) return;
    setError('');
    const r = await classifyPosition(handle, position);
    if ('error' in r) setError(r.error);
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
          {error && <p role="alert">{error}</p>}
          {current && (
            <>
              <PredictionsList
                prediction={{
                  probabilities: { ...current.probabilities },
                  predictedLabel: current.predicted,
                }}
              />
              <p className="muted">
                {current.predicted} · {current.latencyMs.toFixed(1)} ms
              </p>
              {position && (
                <PredictionsSaliency
                  key={current.id}
                  predictionId={current.id}
                  position={position}
                />
              )}
            </>
          )}
          {handle && <PredictionsSeries model={handle} />}
          {handle && <PredictionsCompare model={handle} />}
          <PredictionsCard card={model.model.card} sha256={model.model.sha256} />
          <PredictionsVerify />
        </>
      )}
    </div>
  );
}
