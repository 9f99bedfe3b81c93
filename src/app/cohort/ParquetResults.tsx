// A features run's results as the server's Parquet table (the file `consilium cohort parquet`
// writes, read here with hyparquet): a filter by feature, IBSI code, family or series, the long
// table or a series × feature pivot, and the file itself to download. While the run goes on, the
// table holds the series done so far and is read again as more finish.
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format.ts';
import { problemText } from '../i18n/problemText.ts';
import { parquetUrl } from './cohortApi.ts';
import { LongTable } from './LongTable.tsx';
import { PivotTable } from './PivotTable.tsx';
import { matchingRows, pivotOf } from './resultViews.ts';
import { useRunParquet, type ParquetState } from './useRunParquet.ts';

const maxPivotColumns = 300;

export function ParquetResults({ id, done, live }: { id: string; done: number; live: boolean }) {
  const { t } = useTranslation('cohort');
  const { state, showRow } = useRunParquet(id, done);
  return (
    <div className="cohort-features" data-testid="parquet-results">
      <div className="cohort-heading">
        <h4>{t('results.heading')}</h4>
        <a href={parquetUrl(id)} download={`${id}.features.parquet`}>
          {t('results.download')}
        </a>
      </div>
      {live && (
        <p className="muted" data-testid="results-live">
          {t('results.live')}
        </p>
      )}
      {state.kind === 'loading' && <p className="muted">{t('results.loading')}</p>}
      {state.kind === 'problem' && (
        <p className="cohort-problem" role="alert">
          {problemText(t, state.problem)}
        </p>
      )}
      {state.kind === 'ok' && <ResultsTables state={state} showRow={showRow} />}
    </div>
  );
}

function ResultsTables({
  state,
  showRow,
}: {
  state: Extract<ParquetState, { kind: 'ok' }>;
  showRow: (row: number) => void;
}) {
  const { t, i18n } = useTranslation('cohort');
  const { columns, rowStart, totalRows } = state;
  const windowed = columns.length < totalRows;
  const n = (x: number, digits?: number) => formatNumber(x, i18n.language, digits);
  const [filter, setFilter] = useState('');
  const [pivoted, setPivoted] = useState(false);
  const deferred = useDeferredValue(filter);
  const rows = useMemo(() => matchingRows(columns, deferred), [columns, deferred]);
  const pivot = useMemo(
    () => (pivoted ? pivotOf(columns, rows, maxPivotColumns) : null),
    [pivoted, columns, rows],
  );
  return (
    <>
      <p className="muted" data-testid="results-count">
        {t('results.count', {
          count: rows.length,
          total: n(columns.length),
          read: n(state.bytesRead / 1024, 3),
          size: n(state.byteLength / 1024, 3),
        })}
      </p>
      {windowed && (
        <div className="cohort-results-window" data-testid="results-window">
          <p className="muted">
            {t('results.window', {
              from: n(rowStart + 1),
              to: n(rowStart + columns.length),
              total: n(totalRows),
            })}
          </p>
          <button
            type="button"
            disabled={rowStart === 0}
            onClick={() => showRow(Math.max(0, rowStart - columns.length))}
          >
            {t('results.previous')}
          </button>{' '}
          <button
            type="button"
            disabled={rowStart + columns.length >= totalRows}
            onClick={() => showRow(rowStart + columns.length)}
          >
            {t('results.next')}
          </button>
        </div>
      )}
      <div className="cohort-results-tools">
        <input
          type="search"
          aria-label={t('features.filter')}
          placeholder={t('features.filter')}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <div role="radiogroup" aria-label={t('results.view')}>
          <label>
            <input type="radio" checked={!pivoted} onChange={() => setPivoted(false)} />{' '}
            {t('results.long')}
          </label>
          <label>
            <input type="radio" checked={pivoted} onChange={() => setPivoted(true)} />{' '}
            {t('results.pivot')}
          </label>
        </div>
      </div>
      {pivot ? (
        <>
          {pivot.columnsCut && (
            <p className="muted">{t('results.columnsCut', { count: maxPivotColumns })}</p>
          )}
          <PivotTable pivot={pivot} />
        </>
      ) : (
        <LongTable columns={columns} rows={rows} />
      )}
    </>
  );
}
