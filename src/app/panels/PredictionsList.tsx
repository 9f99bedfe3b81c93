import { useTranslation } from 'react-i18next';
import type { Prediction } from '../../core/inference/classifier.ts';

/** Labels with their probabilities as bars; the predicted label first in weight. */
export function PredictionsList({ prediction }: { prediction: Prediction }) {
  const { t } = useTranslation('panels');
  return (
    <ul className="predictions-list" aria-label={t('probabilities')}>
      {Object.entries(prediction.probabilities).map(([label, p]) => (
        <li key={label} className={label === prediction.predictedLabel ? 'predicted' : undefined}>
          <span className="label">{label}</span>
          <meter min={0} max={1} value={p} aria-label={t('probabilityOf', { label })} />
          <span className="value" data-label={label}>
            {p.toFixed(4)}
          </span>
        </li>
      ))}
    </ul>
  );
}
