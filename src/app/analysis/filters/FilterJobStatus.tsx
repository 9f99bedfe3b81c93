import { useTranslation } from 'react-i18next';
import { problemText } from '../../i18n/problemText.ts';
import { useFilters } from './filterStore.ts';

/** Where the filter job stands: a progress bar while it runs, then its outcome in words. */
export function FilterJobStatus() {
  const { t } = useTranslation('filters');
  const job = useFilters((s) => s.job);
  if (job.status === 'idle' || job.kind === null) return null;
  if (job.status === 'running')
    return (
      <div className="row" data-testid="filter-progress">
        <progress max={1} value={job.done} aria-label={t(`step.${job.step}`)} />
        <span>{t(`step.${job.step}`)}</span>
      </div>
    );
  if (job.status === 'failed' && job.problem)
    return (
      <p role="alert" className="error" data-testid="filter-problem" data-code={job.problem.code}>
        {problemText(t, job.problem)}
      </p>
    );
  return (
    <p data-testid="filter-status" data-status={job.status}>
      {t(`status.${job.kind}.${job.status}`)}
    </p>
  );
}
