// Federated training in the Study view, with no server: each center answers the coordinator's
// signed messages from its own cases, and the coordinator (any center) averages the answers.
// Only parameters and case counts travel (docs/federated.md says what they can still reveal).
import { useTranslation } from 'react-i18next';
import { CenterStep, type CenterStepProps } from './CenterStep.tsx';
import { CoordinatorStep } from './CoordinatorStep.tsx';

export function FederationSection(props: CenterStepProps) {
  const { t } = useTranslation('federation');
  return (
    <section className="training federation" aria-label={t('title')}>
      <h3>{t('title')}</h3>
      <p className="muted">{t('intro')}</p>
      <CenterStep {...props} />
      <CoordinatorStep />
    </section>
  );
}
