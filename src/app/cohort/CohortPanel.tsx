// The "Cohort" tab: the runs under `consilium serve --cohorts DIR` (progress, failures), a form to
// start a run over one of the server's input folders, and an opened run's failures and feature
// table. Served any other way, the tab says so and asks for nothing.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import './cohort.css';
import { problemText } from '../i18n/problemText.ts';
import { RunDetailView } from './RunDetailView.tsx';
import { RunTable } from './RunTable.tsx';
import { StartRunForm } from './StartRunForm.tsx';
import { useRuns } from './useRuns.ts';

export function CohortPanel() {
  const { t } = useTranslation('cohort');
  const { answer, refresh } = useRuns();
  const [open, setOpen] = useState<string | null>(null);
  if (!answer) return <p className="muted">{t('loading')}</p>;
  if (answer.kind === 'unavailable')
    return (
      <div className="cohort-panel" data-testid="cohort-unavailable">
        <p>{t('unavailable.what')}</p>
        <p className="muted">
          {t('unavailable.how')} <code>consilium serve --cohorts DIR --cohort-inputs DIR</code>
        </p>
      </div>
    );
  if (answer.kind === 'problem')
    return (
      <p className="cohort-problem" role="alert">
        {problemText(t, answer.problem)}
      </p>
    );
  const { runs, inputs, canStart, models } = answer.value;
  return (
    <div className="cohort-panel">
      <StartRunForm
        inputs={inputs}
        canStart={canStart}
        models={models}
        onStarted={(id) => {
          setOpen(id);
          refresh();
        }}
      />
      <div className="cohort-heading">
        <h3>{t('runs')}</h3>
        <button type="button" onClick={refresh}>
          {t('refresh')}
        </button>
      </div>
      {runs.length === 0 ? (
        <p className="muted">{t('noRuns')}</p>
      ) : (
        <RunTable runs={runs} open={open} onOpen={setOpen} />
      )}
      {open && <RunDetailView key={open} id={open} onClose={() => setOpen(null)} />}
    </div>
  );
}
