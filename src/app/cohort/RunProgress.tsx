// A run's progress: series done of the total (when known), as a bar and in words.
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format.ts';
import type { RunSummary } from './cohortApi.ts';

export function RunProgress({ run }: { run: RunSummary }) {
  const { t, i18n } = useTranslation('cohort');
  const n = (v: number) => formatNumber(v, i18n.language);
  return (
    <span className="cohort-progress">
      {run.total !== null && run.total > 0 && <progress value={run.done} max={run.total} />}
      <span data-testid="run-progress">
        {run.total === null
          ? t('progress.unknown', { done: n(run.done) })
          : t('progress.known', { done: n(run.done), total: n(run.total) })}
      </span>
    </span>
  );
}
