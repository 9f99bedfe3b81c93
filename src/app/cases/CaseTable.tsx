// The case table: one row per series, sortable by any column, virtualized (only the rows in
// view are in the DOM, so thousands of series scroll smoothly). Click a row to view its series;
// type a label (or pick one), Enter moves to the next row's label.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDicomDate } from '../i18n/format.ts';
import { useStore } from '../store/store.ts';
import type { CaseColumn, CaseRow } from './caseRows.ts';
import { useCases } from './casesStore.ts';

const ROW_PX = 30;

// Headers are cases:column.<id>.
const columns: { id: CaseColumn; width: string }[] = [
  { id: 'patient', width: '16%' },
  { id: 'study', width: '14%' },
  { id: 'series', width: '16%' },
  { id: 'modality', width: '6%' },
  { id: 'images', width: '5%' },
  { id: 'prediction', width: '11%' },
  { id: 'probability', width: '7%' },
  { id: 'label', width: '14%' },
  { id: 'agreement', width: '8%' },
];

const probability = (p: number) => (Number.isNaN(p) ? '' : p.toFixed(3));

/** The study cell starts with its DICOM date (caseRows): shown as a date in the locale. */
const studyText = (study: string, locale: string) =>
  study.replace(/^\d{8}\b/, (da) => formatDicomDate(da, locale));

function LabelInput({
  row,
  index,
  focus,
  onFocused,
  onEnter,
}: {
  row: CaseRow;
  index: number;
  focus: boolean;
  onFocused: () => void;
  onEnter: () => void;
}) {
  const { t } = useTranslation('cases');
  const setLabel = useStore((s) => s.setLabel);
  const input = useRef<HTMLInputElement>(null);
  // Typed text stays local until Enter or leaving the cell, so a half-typed label is not saved;
  // the row's key includes its label, so a label set elsewhere (a CSV) shows at once.
  const [text, setText] = useState(row.label);
  useEffect(() => {
    if (!focus || !input.current) return;
    input.current.focus();
    input.current.select();
    onFocused();
  }, [focus, onFocused]);
  const commit = () => {
    if (text.trim() !== row.label) setLabel(row.seriesUid, text);
  };
  return (
    <input
      ref={input}
      className="case-label"
      data-label-row={index}
      aria-label={t('labelFor', { series: row.series })}
      list="case-label-options"
      value={text}
      onClick={(e) => e.stopPropagation()}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          commit();
          onEnter();
        } else if (e.key === 'Escape') setText(row.label);
      }}
    />
  );
}

export function CaseTable({ rows, labelOptions }: { rows: CaseRow[]; labelOptions: string[] }) {
  const { t, i18n } = useTranslation('cases');
  const scroller = useRef<HTMLDivElement>(null);
  const sort = useCases((s) => s.sort);
  const sortBy = useCases((s) => s.sortBy);
  const selected = useCases((s) => s.selected);
  const toggleSelected = useCases((s) => s.toggleSelected);
  const showSeries = useStore((s) => s.showSeries);
  const shown = useStore((s) => s.viewports[s.active]?.seriesUID);
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_PX,
    overscan: 8,
  });
  const focused = useCallback(() => setFocusRow(null), []);
  const next = (index: number) => {
    if (index + 1 >= rows.length) return;
    virtualizer.scrollToIndex(index + 1);
    setFocusRow(index + 1);
  };
  return (
    <div className="case-table" role="table" aria-label={t('table')} aria-rowcount={rows.length}>
      <datalist id="case-label-options">
        {labelOptions.map((l) => (
          <option key={l} value={l} />
        ))}
      </datalist>
      <div className="case-row case-head" role="row">
        <span role="columnheader" className="case-pick" />
        {columns.map((c) => (
          <span
            key={c.id}
            role="columnheader"
            style={{ width: c.width }}
            aria-sort={
              sort.column === c.id ? (sort.descending ? 'descending' : 'ascending') : 'none'
            }
          >
            <button type="button" onClick={() => sortBy(c.id)}>
              {t(`column.${c.id}`)}
              {sort.column === c.id ? (sort.descending ? ' ▼' : ' ▲') : ''}
            </button>
          </span>
        ))}
      </div>
      <div className="case-body" ref={scroller} data-testid="case-rows">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const r = rows[v.index];
            return (
              <div
                key={r.seriesUid}
                role="row"
                aria-rowindex={v.index + 1}
                data-series={r.seriesUid}
                className={`case-row${r.seriesUid === shown ? ' shown' : ''}`}
                style={{ transform: `translateY(${v.start}px)`, height: ROW_PX }}
                onClick={() => showSeries(r.seriesUid)}
              >
                <span role="cell" className="case-pick">
                  <input
                    type="checkbox"
                    aria-label={t('select', { series: r.series })}
                    checked={selected.has(r.seriesUid)}
                    onClick={(e) => e.stopPropagation()}
                    onChange={() => toggleSelected(r.seriesUid)}
                  />
                </span>
                <span role="cell" style={{ width: '16%' }} title={r.patient}>
                  {r.patient}
                </span>
                <span role="cell" style={{ width: '14%' }} title={r.study}>
                  {studyText(r.study, i18n.language)}
                </span>
                <span role="cell" style={{ width: '16%' }} title={r.series}>
                  {r.series}
                </span>
                <span role="cell" style={{ width: '6%' }}>
                  {r.modality}
                </span>
                <span role="cell" style={{ width: '5%' }}>
                  {r.images}
                </span>
                <span role="cell" style={{ width: '11%' }} data-col="prediction">
                  {r.prediction}
                </span>
                <span role="cell" style={{ width: '7%' }} data-col="probability">
                  {probability(r.probability)}
                </span>
                <span role="cell" style={{ width: '14%' }}>
                  <LabelInput
                    key={r.label}
                    row={r}
                    index={v.index}
                    focus={focusRow === v.index}
                    onFocused={focused}
                    onEnter={() => next(v.index)}
                  />
                </span>
                <span role="cell" style={{ width: '8%' }} className={`agree-${r.agreement}`}>
                  {r.agreement === 'agree' ? '✓' : r.agreement === 'disagree' ? '✗' : ''}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
