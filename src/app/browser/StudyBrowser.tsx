import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReopenPrompt } from '../cases/ReopenPrompt.tsx';
import { formatDicomDate } from '../i18n/format.ts';
import { PacsSource } from '../pacs/PacsSource.tsx';
import { useStore } from '../store/store.ts';
import './browser.css';
import { SeriesItem } from './SeriesItem.tsx';
import { studyRows, type StudyRow, type StudySort } from './studyRows.ts';

const sorts: StudySort[] = ['patient', 'date-desc', 'date-asc', 'description'];
const estimate: Record<StudyRow['kind'], number> = { patient: 26, study: 22, series: 66 };

function Row({ row }: { row: StudyRow }) {
  const { t, i18n } = useTranslation('browser');
  if (row.kind === 'patient')
    return (
      <h2>
        {row.patient.patientName.replace(/\^/g, ' ') || t('anonymous')}{' '}
        <span className="muted">{row.patient.patientID}</span>
      </h2>
    );
  if (row.kind === 'study')
    return (
      <h3>
        {row.study.studyDescription || t('study')}{' '}
        <span className="muted">
          {formatDicomDate(row.study.studyDate, i18n.language) || t('noDate')}
        </span>
      </h3>
    );
  return (
    <ul>
      <SeriesItem series={row.series} />
    </ul>
  );
}

/** Patient → study → series, searchable and sortable; only the rows in view are in the DOM, so
 * 1,000 studies scroll and filter smoothly. A click on a series shows it in the active viewport. */
export function StudyBrowser() {
  const { t } = useTranslation('browser');
  const patients = useStore((s) => s.patients);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<StudySort>('patient');
  // Typing stays responsive while a long list re-filters.
  const deferred = useDeferredValue(query);
  const list = useMemo(() => studyRows(patients, deferred, sort), [patients, deferred, sort]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: list.rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => estimate[list.rows[i].kind],
    getItemKey: (i) => list.rows[i].key,
    overscan: 6,
  });
  if (patients.length === 0)
    return (
      <>
        <ReopenPrompt />
        <p className="muted">{t('empty')}</p>
      </>
    );
  return (
    <>
      <ReopenPrompt />
      <div className="study-tools">
        <input
          type="search"
          aria-label={t('search')}
          placeholder={t('searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <select
          aria-label={t('sort.label')}
          value={sort}
          onChange={(e) => setSort(e.target.value as StudySort)}
        >
          {sorts.map((s) => (
            <option key={s} value={s}>
              {t(`sort.${s}`)}
            </option>
          ))}
        </select>
        <span className="muted" data-testid="study-count">
          {t('count', { shown: list.studies, total: list.total })}
        </span>
      </div>
      <nav
        className="study-browser"
        aria-label={t('label')}
        ref={scroller}
        data-testid="study-list"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => (
            <div
              key={v.key}
              ref={virtualizer.measureElement}
              data-index={v.index}
              className={`study-row study-row-${list.rows[v.index].kind}`}
              style={{ transform: `translateY(${v.start}px)` }}
            >
              <Row row={list.rows[v.index]} />
            </div>
          ))}
        </div>
      </nav>
      <PacsSource open={false} />
    </>
  );
}
