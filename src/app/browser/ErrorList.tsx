import { useTranslation } from 'react-i18next';
import { problemText } from '../i18n/problemText.ts';
import { useStore } from '../store/store.ts';

/** One line per file that could not be loaded: which file, and why in plain words. */
export function ErrorList() {
  const { t } = useTranslation('browser');
  const errors = useStore((s) => s.errors);
  const clear = useStore((s) => s.clearErrors);
  if (errors.length === 0) return null;
  return (
    <section className="error-list" aria-label={t('errors.label')}>
      <header>
        <h2>{t('errors.title', { count: errors.length })}</h2>
        <button type="button" onClick={clear}>
          {t('errors.clear')}
        </button>
      </header>
      <ul>
        {errors.map((e, i) => (
          <li key={`${e.file}-${i}`} data-code={e.code}>
            <strong>{e.file}</strong>:{' '}
            {problemText(t, { ...e, params: { ...e.params, reason: e.reason, file: e.file } })}
          </li>
        ))}
      </ul>
    </section>
  );
}
