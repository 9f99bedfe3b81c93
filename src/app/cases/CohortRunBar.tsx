// "Classify all" / "Classify selected" with progress, time left and Cancel while it runs.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../i18n/problemText.ts';
import { cancelClassifyAll, classifyAll } from './classifyAll.ts';
import { useCases } from './casesStore.ts';
import { etaMs, formatEta } from './eta.ts';

/** The time, updated every second while running, so the time left counts down between images. */
function useNow(on: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!on) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [on]);
  return now;
}

export function CohortRunBar({ series }: { series: number }) {
  const { t } = useTranslation('cases');
  const run = useCases((s) => s.run);
  const selected = useCases((s) => s.selected);
  const busy = run.status === 'running' || run.status === 'loading';
  const now = useNow(busy);
  if (busy) {
    const eta = etaMs(run.done, run.total, Math.max(0, now - run.startedAt));
    return (
      <div className="cohort-run" data-testid="cohort-run" data-status={run.status}>
        <progress max={run.total || 1} value={run.done} aria-label={t('run.progress')} />
        <span>
          {run.status === 'loading'
            ? t('run.loading')
            : t('run.images', { done: run.done, total: run.total })}{' '}
          <span className="muted">{formatEta(eta, t)}</span>
        </span>
        <button type="button" onClick={cancelClassifyAll}>
          {t('run.cancel')}
        </button>
      </div>
    );
  }
  return (
    <div className="cohort-run" data-testid="cohort-run" data-status={run.status}>
      <button type="button" disabled={series === 0} onClick={() => void classifyAll()}>
        {t('run.all', { count: series })}
      </button>
      {selected.size > 0 && (
        <button type="button" onClick={() => void classifyAll([...selected])}>
          {t('run.selected', { count: selected.size })}
        </button>
      )}
      {run.status === 'done' && (
        <span className="muted">{t('run.done', { count: run.total })}</span>
      )}
      {run.status === 'cancelled' && (
        <span className="muted">{t('run.cancelled', { done: run.done, total: run.total })}</span>
      )}
      {run.errors.length > 0 && (
        <span role="alert">
          {t('run.failed', { count: run.errors.length })}{' '}
          {run.errors
            .slice(0, 3)
            .map((e) =>
              e.file
                ? t('imageError', { file: e.file, problem: problemText(t, e.problem) })
                : problemText(t, e.problem),
            )
            .join('; ')}
        </span>
      )}
    </div>
  );
}
