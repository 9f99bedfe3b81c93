import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../i18n/problemText.ts';
import { defaultBinCount } from '../../core/analysis/params.ts';
import { useStore } from '../store/store.ts';
import { computeWholeImageFeatures } from './actions/computeWholeImage.ts';

/** Results to export; when no analysis was run, whole-image IBSI features of every series. */
export function FeaturesSection() {
  const { t } = useTranslation('bundles');
  const count = useStore((s) => Object.keys(s.localFeatures).length);
  const series = useStore((s) => Object.keys(s.seriesByUid).length);
  const analysed = useStore((s) => Object.keys(s.results).length);
  const job = useStore((s) => s.featureJob);
  const [bins, setBins] = useState(defaultBinCount);
  return (
    <fieldset className="bundle-fieldset">
      <legend>{t('features.legend')}</legend>
      <p data-testid="feature-count" data-count={count}>
        {t('features.count', { count, series })}
      </p>
      <p className="muted">{t('features.analysed', { count: analysed })}</p>
      <label>
        {t('features.bins')}{' '}
        <input
          type="number"
          min={2}
          max={1024}
          value={bins}
          aria-label={t('features.binsLabel')}
          onChange={(e) => setBins(Number(e.target.value))}
        />
      </label>
      <button
        type="button"
        disabled={job.running || series === 0}
        onClick={() => void computeWholeImageFeatures(bins)}
      >
        {t('features.compute')}
      </button>
      {job.running && (
        <progress value={job.done} max={job.total} aria-label={t('features.progress')} />
      )}
      {job.failures && (
        <p className="bundle-error">
          {job.failures
            .map((f) =>
              t('features.failure', { series: f.series, problem: problemText(t, f.problem) }),
            )
            .join('; ')}
        </p>
      )}
    </fieldset>
  );
}
