// The runs under the server's results root, newest first: each opens its detail.
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../i18n/format.ts';
import type { RunSummary } from './cohortApi.ts';
import { RunProgress } from './RunProgress.tsx';

export function RunTable(props: {
  runs: readonly RunSummary[];
  open: string | null;
  onOpen: (id: string) => void;
}) {
  const { t, i18n } = useTranslation('cohort');
  return (
    <table className="cohort-runs">
      <thead>
        <tr>
          <th>{t('column.run')}</th>
          <th>{t('column.command')}</th>
          <th>{t('column.state')}</th>
          <th>{t('column.progress')}</th>
          <th>{t('column.failed')}</th>
        </tr>
      </thead>
      <tbody>
        {props.runs.map((r) => (
          <tr
            key={r.id}
            data-testid="cohort-run"
            data-run={r.id}
            data-state={r.state}
            aria-selected={props.open === r.id}
          >
            <td>
              <button type="button" className="link" onClick={() => props.onOpen(r.id)}>
                {r.id}
              </button>
              {r.startedAt && (
                <div className="muted">
                  {formatDateTime(Date.parse(r.startedAt), i18n.language)}
                </div>
              )}
            </td>
            <td>{t(`command.${r.command}`, { defaultValue: r.command })}</td>
            <td className={`cohort-state cohort-state-${r.state}`}>{t(`state.${r.state}`)}</td>
            <td>
              <RunProgress run={r} />
            </td>
            <td data-testid="run-failed">{formatNumber(r.failedSeries, i18n.language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
