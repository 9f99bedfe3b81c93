import { Trans, useTranslation } from 'react-i18next';

const steps = ['open', 'cases', 'analysis', 'bundles', 'partner'] as const;

// The day's workflow in a few steps, beside the shortcuts: from opening studies to comparing
// centers, so the bundle exchange is not something to find by trial.
export function WorkflowHelp() {
  const { t } = useTranslation('help');
  return (
    <section aria-label={t('workflow.label')} className="workflow-help" style={{ maxWidth: 560 }}>
      <h2>{t('workflow.title')}</h2>
      <ol>
        {steps.map((step) => (
          <li key={step}>
            <Trans t={t} i18nKey={`workflow.${step}`} components={[<strong />, <em />]} />
          </li>
        ))}
      </ol>
    </section>
  );
}
