import { useTranslation } from 'react-i18next';
import { useStore } from '../store/store.ts';

/** Files read out of all files given; hidden once everything is read. */
export function LoadProgress() {
  const { t } = useTranslation('browser');
  const { done, total } = useStore((s) => s.progress);
  if (total === 0) return null;
  const finished = done >= total;
  return (
    <div className="load-progress" data-testid="load-progress" data-done={done} data-total={total}>
      <progress max={total} value={done} aria-label={t('progress.label')} />
      <span>
        {finished ? t('progress.done', { total }) : t('progress.reading', { done, total })}
      </span>
    </div>
  );
}
