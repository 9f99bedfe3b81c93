// Every analysis result of the session in one full-width window: the wide table (filter features
// by family and name, cases by series or ROI, sort by any column), exports of what is shown in
// the long or the wide form as CSV or Parquet. Escape or Close returns to the viewer; a row
// click shows its series.
import { useCallback, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { familyName, featureName } from '../analysis/featureText.ts';
import { roiText } from '../analysis/roiText.ts';
import { useEscapeToClose } from '../bundles/useEscapeToClose.ts';
import { useStore } from '../store/store.ts';
import { downloadBytes } from './downloadBytes.ts';
import {
  exportFileName,
  longCsv,
  longParquet,
  wideCsv,
  wideParquet,
  type FileFormat,
  type TableForm,
} from './resultExports.ts';
import { ResultsGrid } from './ResultsGrid.tsx';
import { factsFromPatients } from './resultsFacts.ts';
import { columnIdOf, longRows, wideTable, type WideRow } from './resultTables.ts';
import { filterColumns, filterRows, sortWideRows, transpose, type WideSort } from './sortWide.ts';
import './results.css';

export function ResultsWindow({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(['results', 'analysis']);
  useEscapeToClose(onClose);
  const results = useStore(useShallow((s) => Object.values(s.results)));
  const patients = useStore((s) => s.patients);
  const showSeries = useStore((s) => s.showSeries);
  const facts = useMemo(() => factsFromPatients(patients), [patients]);
  // Names in the page's language for what is shown, sorted and filtered; the exports build their
  // own tables from the results, so files keep IBSI's English names and codes.
  const table = useMemo(() => {
    const wide = wideTable(results, facts);
    return {
      columns: wide.columns.map((c) => ({ ...c, name: featureName(t, c) })),
      rows: wide.rows.map((r) => ({ ...r, ids: { ...r.ids, roi: roiText(t, String(r.ids.roi)) } })),
    };
  }, [results, facts, t]);
  const families = useMemo(() => [...new Set(table.columns.map((c) => c.family))], [table]);
  const [family, setFamily] = useState('');
  const [featureText, setFeatureText] = useState('');
  const [caseText, setCaseText] = useState('');
  const [sort, setSort] = useState<WideSort | null>(null);
  const [transposed, setTransposed] = useState(false);
  const columns = useMemo(
    () => filterColumns(table.columns, family, featureText),
    [table, family, featureText],
  );
  const rows = useMemo(
    () => sortWideRows(filterRows(table.rows, caseText), transposed ? null : sort),
    [table, caseText, sort, transposed],
  );
  // Turned round, the sort applies to the feature rows (by name, or by one case's values).
  const shown = useMemo(() => {
    if (!transposed) return { rows, columns };
    const turned = transpose(rows, columns);
    return { rows: sortWideRows(turned.rows, sort), columns: turned.columns };
  }, [rows, columns, transposed, sort]);
  const onSort = useCallback(
    (column: string) =>
      setSort((s) => ({ column, descending: s?.column === column ? !s.descending : false })),
    [],
  );
  const onOpen = useCallback(
    (row: WideRow) => {
      showSeries(String(row.ids.series_uid));
      onClose();
    },
    [showSeries, onClose],
  );
  const exportAs = (form: TableForm, format: FileFormat) => {
    // What is shown is what is written: the filtered cases and features, in the shown order.
    const keys = new Set(columns.map((c) => c.id));
    const byKey = new Map(results.map((r) => [r.key, r]));
    const picked = rows.flatMap((r) => {
      const result = byKey.get(r.key);
      if (!result) return [];
      const features = result.features.filter((f) => keys.has(columnIdOf(f)));
      return [{ ...result, features }];
    });
    const name = exportFileName(
      rows.map((r) => String(r.ids.series)),
      rows.map((r) => String(r.ids.settings_hash)),
      form,
      format,
    );
    const long = form === 'long' ? longRows(picked, facts) : null;
    const wide = form === 'wide' ? wideTable(picked, facts) : null;
    if (format === 'csv') downloadBytes(long ? longCsv(long) : wideCsv(wide!), name, 'text/csv');
    else
      downloadBytes(
        long ? longParquet(long) : wideParquet(wide!),
        name,
        'application/vnd.apache.parquet',
      );
  };
  return createPortal(
    <div className="results-window" role="dialog" aria-modal="true" aria-label={t('window.title')}>
      <header className="results-bar">
        <h2>{t('window.title')}</h2>
        <span data-testid="results-count">
          {t('window.count', { cases: rows.length, features: columns.length })}
        </span>
        <select
          aria-label={t('filter.family')}
          value={family}
          onChange={(e) => setFamily(e.target.value)}
        >
          <option value="">{t('filter.allFamilies')}</option>
          {families.map((f) => (
            <option key={f} value={f}>
              {familyName(t, f)}
            </option>
          ))}
        </select>
        <input
          type="search"
          aria-label={t('filter.feature')}
          placeholder={t('filter.feature')}
          value={featureText}
          onChange={(e) => setFeatureText(e.target.value)}
        />
        <input
          type="search"
          aria-label={t('filter.case')}
          placeholder={t('filter.case')}
          value={caseText}
          onChange={(e) => setCaseText(e.target.value)}
        />
        <label>
          <input
            type="checkbox"
            checked={transposed}
            onChange={(e) => {
              setTransposed(e.target.checked);
              setSort(null);
            }}
          />{' '}
          {t('window.transpose')}
        </label>
        <span className="results-exports">
          {(['wide', 'long'] as const).map((form) =>
            (['csv', 'parquet'] as const).map((format) => (
              <button
                key={`${form}-${format}`}
                type="button"
                disabled={rows.length === 0}
                onClick={() => exportAs(form, format)}
              >
                {t(`export.${form}.${format}`)}
              </button>
            )),
          )}
        </span>
        <button type="button" onClick={onClose}>
          {t('window.close')}
        </button>
      </header>
      {results.length === 0 ? (
        <p>{t('window.empty')}</p>
      ) : (
        <ResultsGrid
          rows={shown.rows}
          columns={shown.columns}
          sort={sort}
          onSort={onSort}
          onOpen={transposed ? () => {} : onOpen}
          transposed={transposed}
        />
      )}
    </div>,
    document.body,
  );
}
