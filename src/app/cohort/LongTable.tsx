// The run's long table, a row per feature value, virtualized: only the rows in view are in the
// page, however many the run holds.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format.ts';
import type { ResultColumns } from '../../core/cohort/resultColumns.ts';

const rowPx = 22;

export function LongTable({ columns: c, rows }: { columns: ResultColumns; rows: Uint32Array }) {
  const { t, i18n } = useTranslation(['cohort', 'features']);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowPx,
    overscan: 10,
  });
  return (
    <div
      className="cohort-grid"
      role="table"
      aria-label={t('results.long')}
      aria-rowcount={rows.length}
    >
      <div className="cohort-grid-row cohort-grid-head" role="row">
        <span role="columnheader">{t('features.series')}</span>
        <span role="columnheader">{t('features.roi')}</span>
        <span role="columnheader">{t('features.name')}</span>
        <span role="columnheader">{t('features.code')}</span>
        <span role="columnheader" className="num">
          {t('features.value')}
        </span>
        <span role="columnheader">{t('features.unit')}</span>
      </div>
      <div className="cohort-grid-body" ref={scroller} data-testid="long-rows">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const i = rows[v.index];
            const value = c.value[i];
            return (
              <div
                key={v.index}
                role="row"
                aria-rowindex={v.index + 1}
                className="cohort-grid-row"
                style={{ transform: `translateY(${v.start}px)`, height: rowPx }}
                data-testid="feature-row"
                data-series={c.series[i]}
                data-code={c.ibsiCode[i]}
                data-filter={c.filter[i]}
              >
                <span role="cell" title={c.series[i]}>
                  {c.series[i]}
                </span>
                <span role="cell">
                  {c.roi[i] === 'whole' ? t('features.wholeImage') : c.roi[i]}
                  {c.slice[i] >= 0 ? ` · ${t('features.slice', { slice: c.slice[i] })}` : ''}
                  {c.filter[i] ? ` · ${c.filter[i]}` : ''}
                </span>
                <span role="cell" title={c.name[i]}>
                  {t(`features:name.${c.ibsiCode[i]}`, { defaultValue: c.name[i] })}
                </span>
                <span role="cell">
                  <code>{c.ibsiCode[i]}</code>
                </span>
                <span
                  role="cell"
                  className="num"
                  data-value={Number.isNaN(value) ? '' : String(value)}
                >
                  {Number.isNaN(value) ? '—' : formatNumber(value, i18n.language)}
                </span>
                <span role="cell">{c.unit[i]}</span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
