import { useTranslation } from 'react-i18next';
import type { ModelCard } from '../../core/inference/modelCard.ts';

/** The model card in words: what the model is for, what it is not, and how well it did. */
export function PredictionsCard({ card, sha256 }: { card: ModelCard; sha256: string }) {
  const { t } = useTranslation('panels');
  return (
    <details className="model-card">
      <summary>{t('card.title', { name: card.name, version: card.version })}</summary>
      <p>{card.intendedUse.summary}</p>
      <ul>
        {card.intendedUse.limitations.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      <dl>
        <dt>{t('card.trainedOn')}</dt>
        <dd>{card.training.dataset}</dd>
        <dt>{t('card.testSplit')}</dt>
        <dd>
          {t('card.metrics', {
            auc: card.metrics.auc.toFixed(3),
            accuracy: card.metrics.accuracy.toFixed(3),
          })}
        </dd>
        <dt>{t('card.input')}</dt>
        <dd>
          {card.input.tensorName} [{card.input.shape.join(', ')}] {card.input.dtype}
        </dd>
        <dt>SHA-256</dt>
        <dd className="sha">{sha256}</dd>
      </dl>
    </details>
  );
}
