// A features run's results as the server's Parquet table (the file `consilium cohort parquet`
// writes, read here with hyparquet): a filter by feature, IBSI code, family or series and by value
// range, the long table or a series × feature pivot, and the file itself to download. While the
// run goes on, the table holds the series done so far and is read again as more finish. A table
// read a window at a time is filtered whole by the server (DuckDB: 0.15–0.3 s on 1,000,000 rows,
// where decoding the filter columns of every row group here took 2.5–3 s), with the count of
// matching rows over the whole table.
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format.ts';
import { problemText } from '../i18n/problemText.ts';
import { parquetUrl } from './cohortApi.ts';
import { LongTable } from './LongTable.tsx';
import { PivotTable } from './PivotTable.tsx';
import { columnsOfFiltered, matchingRows, pivotOf } from './resultViews.ts';
import { useRunParquet, type ParquetState } from './useRunParquet.ts';
import { useTableFilter } from './useTableFilter.ts';

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
      {state.kind === 'ok' && (
        <ResultsTables id={id} version={done} state={state} showRow={showRow} />
      )}
    </div>
  );
}

/** A bound of the value range as typed: a number, or none. */
function bound(text: string): number | null {
  const n = text.trim() === '' ? NaN : Number(text);
  return Number.isFinite(n) ? n : null;
}

function ResultsTables({
  id,
  version,
  state,
  showRow,
}: {
  id: string;
  version: number;
  state: Extract<ParquetState, { kind: 'ok' }>;
  showRow: (row: number) => void;
}) {
  const { t, i18n } = useTranslation('cohort');
  const { rowStart, totalRows } = state;
  const windowed = state.columns.length < totalRows;
  const n = (x: number, digits?: number) => formatNumber(x, i18n.language, digits);
  const [filter, setFilter] = useState('');
  const [min, setMin] = useState('');
  const [max, setMax] = useState('');
  const [pivoted, setPivoted] = useState(false);
  const deferred = useDeferredValue(filter);
  const query = useMemo(
    () => ({ text: deferred.trim().toLowerCase(), min: bound(min), max: bound(max) }),
    [deferred, min, max],
  );
  const active = query.text !== '' || query.min !== null || query.max !== null;
  // A table read a window at a time: the filter asks the server over the whole table.
  const whole = useTableFilter(id, windowed && active ? query : null, version);
  const wholeColumns = useMemo(
    () => (whole.kind === 'ok' ? columnsOfFiltered(whole.rows) : null),
    [whole],
  );
  const columns = windowed && active ? wholeColumns : state.columns;
  const rows = useMemo(
    () =>
      !columns
        ? new Uint32Array(0)
        : windowed
          ? Uint32Array.from({ length: columns.length }, (_, i) => i)
          : matchingRows(columns, query.text, query.min, query.max),
    [columns, windowed, query],
  );
  const pivot = useMemo(
    () => (pivoted && columns ? pivotOf(columns, rows, maxPivotColumns) : null),
    [pivoted, columns, rows],
  );
  return (
    <>
      <p className="muted" data-testid="results-count">
        {t('results.count', {
          count: windowed ? state.columns.length : rows.length,
          total: n(state.columns.length),
          read: n(state.bytesRead / 1024, 3),
          size: n(state.byteLength / 1024, 3),
        })}
      </p>
      {windowed && (
        <div className="cohort-results-window" data-testid="results-window">
          <p className="muted">
            {t('results.window', {
              from: n(rowStart + 1),
              to: n(rowStart + state.columns.length),
              total: n(totalRows),
            })}
          </p>
          <button
            type="button"
            disabled={rowStart === 0}
            onClick={() => showRow(Math.max(0, rowStart - state.columns.length))}
          >
            {t('results.previous')}
          </button>{' '}
          <button
            type="button"
            disabled={rowStart + state.columns.length >= totalRows}
            onClick={() => showRow(rowStart + state.columns.length)}
          >
            {t('results.next')}
          </button>
        </div>
      )}
      {windowed && active && (
        <p className="muted" data-testid="results-whole" aria-live="polite">
          {whole.kind === 'ok' ? (
            <span data-testid="results-whole-count" data-count={whole.rows.count}>
              {t('results.wholeCount', {
                matched: n(whole.rows.count),
                total: n(totalRows),
                shown: n(whole.rows.length),
              })}
            </span>
          ) : whole.kind === 'problem' ? (
            <span className="cohort-problem" role="alert">
              {problemText(t, whole.problem)}
            </span>
          ) : (
            t('results.wholeLoading')
          )}
        </p>
      )}
      <div className="cohort-results-tools">
        <input
          type="search"
          aria-label={t('features.filter')}
          placeholder={t('features.filter')}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <BoundInput label={t('results.min')} value={min} onChange={setMin} />
        <BoundInput label={t('results.max')} value={max} onChange={setMax} />
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
        columns && <LongTable columns={columns} rows={rows} />
      )}
    </>
  );
}

/** One end of the value range: a labelled number field, empty for no bound. */
function BoundInput(props: { label: string; value: string; onChange: (value: string) => void }) {
  return (
    <label>
      {props.label}{' '}
      <input
        type="number"
        step="any"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        className="cohort-bound"
      />
    </label>
  );
}
