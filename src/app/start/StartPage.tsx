import { useTranslation } from 'react-i18next';
import { openDemo } from '../actions/openDemo.ts';
import { PacsSource } from '../pacs/PacsSource.tsx';

/** What an empty workbench shows: where to drop studies, and the demo. */
export function StartPage() {
  const { t } = useTranslation('start');
  return (
    <div className="start-page">
      <h2>{t('drop')}</h2>
      <p>{t('private')}</p>
      <button type="button" className="primary" onClick={() => void openDemo()}>
        {t('demo')}
      </button>
      <p className="muted">{t('demoWhat')}</p>
      <PacsSource />
    </div>
  );
}
