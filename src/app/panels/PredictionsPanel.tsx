// The Predictions tab: the default classifier on the active image, with its execution provider,
// latency and model card. Inference runs in the inference worker; this component only shows it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../core/result.ts';
import { problemText } from '../i18n/problemText.ts';
import { classifyPosition, type ModelHandle } from '../predictions/classify.ts';
import { PredictionsCompare } from '../predictions/PredictionsCompare.tsx';
import { PredictionsSeries } from '../predictions/PredictionsSeries.tsx';
import { FeatureModelSection } from '../predictions/featureModel/FeatureModelSection.tsx';
import { selectActivePosition } from '../store/selectors.ts';
import { predictionId } from '../store/predictionsSlice.ts';
import { useStore } from '../store/store.ts';
import { PredictionsCard } from './PredictionsCard.tsx';
import { PredictionsList } from './PredictionsList.tsx';
import { PredictionsSaliency } from './PredictionsSaliency.tsx';
import { inferenceWorker, type ProviderChoice, useDefaultModel } from './PredictionsSession.tsx';
import { PredictionsVerify } from './PredictionsVerify.tsx';

export function PredictionsPanel() {
  const { t } = useTranslation('panels');
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
  const [error, setError] = useState<Problem | null>(null);

  const classify = async () => {
    if (!position || !handle) return;
    setError(null);
    const r = await classifyPosition(handle, position);
    if ('problem' in r) setError(r.problem);
  };

  return (
    <div className="predictions-panel">
      <label>
        {t('runOn')}{' '}
        <select
          aria-label={t('provider')}
          value={provider}
          onChange={(e) => setProvider(e.target.value as ProviderChoice)}
        >
          <option value="auto">{t('bestAvailable')}</option>
          <option value="webgpu">WebGPU</option>
          <option value="wasm">WASM</option>
        </select>
      </label>
      {provider === 'wasm' && (
        <label>
          {' '}
          {t('threads')}{' '}
          <select
            aria-label={t('wasmThreads')}
            value={threads ?? 0}
            onChange={(e) => setThreads(Number(e.target.value) || undefined)}
          >
            <option value={0}>{t('automatic')}</option>
            <option value={1}>1</option>
            <option value={2}>2</option>
            <option value={4}>4</option>
          </select>
        </label>
      )}
      {model.status === 'loading' && <p className="muted">{t('loadingModel')}</p>}
      {model.status === 'failed' && (
        <p role="alert">
          {t('modelFailed', { code: model.error.code })} {problemText(t, model.error)}
        </p>
      )}
      {model.status === 'ready' && (
        <>
          <p className="muted" data-testid="execution-provider">
            {model.model.executionProvider === 'webgpu'
              ? 'WebGPU'
              : t('wasmWithThreads', { count: model.model.threads })}
          </p>
          <button type="button" disabled={!position} onClick={classify}>
            {t('classify')}
          </button>
          {error && <p role="alert">{problemText(t, error)}</p>}
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
      <FeatureModelSection />
    </div>
  );
}
