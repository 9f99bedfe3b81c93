// The side panel tab's name, in the page's language.
import { useTranslation } from 'react-i18next';

export function CohortTabLabel() {
  const { t } = useTranslation('cohort');
  return <>{t('tab')}</>;
}
