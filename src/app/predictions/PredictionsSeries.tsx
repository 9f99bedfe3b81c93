// The active series as one prediction: every image classified, then the mean probability per
// label over the images, with the rule said in words next to it.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../i18n/problemText.ts';
import './predictions.css';
import { selectStack } from '../store/selectors.ts';
import { useStore } from '../store/store.ts';
import type { ModelHandle } from './classify.ts';
import { SeriesRunButton } from './SeriesRunButton.tsx';
import { seriesAggregate, seriesPredictions } from './seriesPredictions.ts';
import { useSeriesRun } from './useSeriesRun.ts';

export function PredictionsSeries({ model }: { model: ModelHandle }) {
  const stack = useStore((s) => selectStack(s.active)(s));
  const predictions = useStore((s) => s.predictions);
  const images = useMemo(
    () => (stack ? seriesPredictions(predictions, stack, model.info.sha256) : []),
    [predictions, stack, model.info.sha256],
  );
  const { t } = useTranslation('predictions');
  const run = useSeriesRun();
  const agg = seriesAggregate(images);
  return (
    <section className="predictions-series" aria-label={t('series.aria')}>
      <h4>{t('series.heading')}</h4>
      <SeriesRunButton
        run={run}
        models={[model]}
        stack={stack}
        label={t('series.classify')}
        progressLabel={t('series.progress')}
      />
      {run.error && <p className="bundle-error">{problemText(t, run.error)}</p>}
      {agg && (
        <>
          <table data-testid="series-aggregate">
            <tbody>
              {Object.entries(agg.probabilities).map(([label, p]) => (
                <tr key={label} className={label === agg.predictedLabel ? 'predicted' : undefined}>
                  <th scope="row">{label}</th>
                  <td data-label={label}>{p.toFixed(4)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted" data-testid="series-rule">
            {t('series.rule', { count: agg.images })}: <strong>{agg.predictedLabel}</strong>
          </p>
        </>
      )}
    </section>
  );
}
