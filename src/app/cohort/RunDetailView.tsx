// An opened run: its state and progress, the series that failed with their reasons, and (a
// features run) its values from the run's Parquet table, growing while the run goes on.
import { useTranslation } from 'react-i18next';
import { problemText } from '../i18n/problemText.ts';
import { isLive } from './cohortApi.ts';
import { ParquetResults } from './ParquetResults.tsx';
import { RunProgress } from './RunProgress.tsx';
import { useRunDetail } from './useRunDetail.ts';

export function RunDetailView({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation('cohort');
  const detail = useRunDetail(id);
  return (
    <section className="cohort-detail" data-testid="cohort-detail" aria-label={id}>
      <div className="cohort-heading">
        <h3>{id}</h3>
        <button type="button" onClick={onClose}>
          {t('detail.close')}
        </button>
      </div>
      {!detail && <p className="muted">{t('loading')}</p>}
      {detail?.kind === 'problem' && (
        <p className="cohort-problem" role="alert">
          {problemText(t, detail.problem)}
        </p>
      )}
      {detail?.kind === 'unavailable' && <p>{t('unavailable.what')}</p>}
      {detail?.kind === 'ok' && (
        <>
          <p>
            <span data-testid="detail-state" data-state={detail.value.state}>
              {t(`state.${detail.value.state}`)}
            </span>{' '}
            <RunProgress run={detail.value} />
          </p>
          {detail.value.error && (
            <p className="cohort-problem" role="alert">
              {detail.value.error}
            </p>
          )}
          <h4>{t('detail.failures', { count: detail.value.failedSeries })}</h4>
          {detail.value.failures.length > 0 && (
            <ul className="cohort-failures">
              {detail.value.failures.map((f, i) => (
                <li key={i} data-testid="cohort-failure">
                  <code>{f.series}</code> <span className="muted">{f.file}</span>
                  <div>
                    {problemText(t, { code: f.code, reason: f.reason, params: { file: f.file } })}
                  </div>
                </li>
              ))}
            </ul>
          )}
          {detail.value.command !== 'features' ? (
            <p className="muted">{t('detail.featuresOnly')}</p>
          ) : (
            (detail.value.done > 0 || detail.value.state === 'complete') && (
              <ParquetResults id={id} done={detail.value.done} live={isLive(detail.value)} />
            )
          )}
        </>
      )}
    </section>
  );
}
