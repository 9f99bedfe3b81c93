// The Predictions tab's feature-vector models: load a model `consilium train` wrote (.onnx and
// its card), pick a ROI of the shown series, and classify it. The features are computed with the
// settings the card records; the probability is filed for the series like an image prediction.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../core/result.ts';
import { formatNumber } from '../../i18n/format.ts';
import { problemText } from '../../i18n/problemText.ts';
import { PredictionsList } from '../../panels/PredictionsList.tsx';
import { useStore } from '../../store/store.ts';
import { classifyRoi, type RoiPrediction } from './classifyRoi.ts';
import { loadFeatureModel, type FeatureModel } from './loadFeatureModel.ts';
import { useShownSeriesRois } from './useShownSeriesRois.ts';
import { FileInput } from '../../panels/FileInput.tsx';

export function FeatureModelSection() {
  const { t, i18n } = useTranslation('training');
  const [model, setModel] = useState<FeatureModel | null>(null);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [roiId, setRoiId] = useState('');
  const [result, setResult] = useState<RoiPrediction | null>(null);
  const [running, setRunning] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const { seriesUid, rois } = useShownSeriesRois();
  const roi = rois.find((r) => r.id === roiId) ?? rois[0];

  const load = async (files: File[]) => {
    if (files.length === 0) return;
    setLoading(true);
    setProblem(null);
    setResult(null);
    setModel(null);
    const r = await loadFeatureModel(files);
    setLoading(false);
    if (r.ok) setModel(r.value);
    else setProblem(r.error);
  };

  const classify = async () => {
    if (!model || !roi || !seriesUid) return;
    const stack = useStore.getState().stacks[seriesUid] ?? [];
    const ctrl = new AbortController();
    controller.current = ctrl;
    setRunning(true);
    setProblem(null);
    setResult(null);
    const r = await classifyRoi(model, roi, stack, ctrl.signal);
    controller.current = null;
    setRunning(false);
    if (ctrl.signal.aborted) return;
    if (r.ok) setResult(r.value);
    else setProblem(r.error);
  };

  const lang = i18n.language;
  const p = model?.settings.params;
  return (
    <section className="feature-model" aria-label={t('featureModel.title')}>
      <h3>{t('featureModel.title')}</h3>
      <label>
        {t('featureModel.files')}{' '}
        <FileInput
          multiple
          accept=".onnx,.json"
          aria-label={t('featureModel.files')}
          onChange={(e) => void load([...(e.target.files ?? [])])}
        />
      </label>
      {loading && <p className="muted">{t('featureModel.loading')}</p>}
      {model && p && (
        <>
          <p data-testid="feature-model-name">
            {t('featureModel.loaded', {
              name: model.card.name,
              version: model.card.version,
              count: model.card.input.features.length,
            })}
          </p>
          <p className="muted" data-testid="feature-model-settings">
            {t('featureModel.settings', {
              discretisation:
                p.discretisation.kind === 'bin-count'
                  ? t('featureModel.binCount', { n: p.discretisation.binCount })
                  : p.discretisation.kind === 'bin-width'
                    ? t('featureModel.binWidth', {
                        w: formatNumber(p.discretisation.binWidth, lang),
                      })
                    : t('featureModel.noBinning'),
              aggregation: p.aggregation,
              distance: p.distance,
            })}
          </p>
          {rois.length === 0 ? (
            <p className="muted">{t('featureModel.noRoi')}</p>
          ) : (
            <label>
              {t('featureModel.roi')}{' '}
              <select
                aria-label={t('featureModel.roi')}
                value={roi?.id ?? ''}
                onChange={(e) => setRoiId(e.target.value)}
              >
                {rois.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </select>
            </label>
          )}{' '}
          <button type="button" disabled={!roi || running} onClick={() => void classify()}>
            {t('featureModel.classify')}
          </button>
          {running && (
            <>
              {' '}
              <span className="muted">{t('featureModel.computing')}</span>{' '}
              <button type="button" onClick={() => controller.current?.abort()}>
                {t('featureModel.cancel')}
              </button>
            </>
          )}
        </>
      )}
      {problem && <p role="alert">{problemText(t, problem)}</p>}
      {result && (
        <div
          data-testid="feature-model-result"
          data-probabilities={JSON.stringify(result.prediction.probabilities)}
        >
          <PredictionsList
            prediction={{
              probabilities: { ...result.prediction.probabilities },
              predictedLabel: result.prediction.predicted,
            }}
          />
          <p className="muted">
            {t('featureModel.result', {
              label: result.prediction.predicted,
              voxels: formatNumber(result.roiVoxels, lang),
            })}
          </p>
        </div>
      )}
    </section>
  );
}
