// The same values as series × feature: a row per series' ROI, a column per feature (IBSI code,
// with its image filter), rows virtualized; the columns are those the filter keeps.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format.ts';
import type { Pivot } from './resultViews.ts';

const rowPx = 22;
const columnPx = 110;
const seriesPx = 220;

export function PivotTable({ pivot }: { pivot: Pivot }) {
  const { t, i18n } = useTranslation(['cohort', 'features']);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: pivot.rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowPx,
    overscan: 10,
  });
  const width = seriesPx + pivot.columns.length * columnPx;
  return (
    <div
      className="cohort-pivot"
      role="table"
      aria-label={t('results.pivot')}
      aria-rowcount={pivot.rows.length}
      aria-colcount={pivot.columns.length + 1}
      ref={scroller}
      data-testid="pivot"
    >
      <div className="cohort-grid-row cohort-grid-head" role="row" style={{ width }}>
        <span role="columnheader" style={{ width: seriesPx }}>
          {t('features.series')}
        </span>
        {pivot.columns.map((col) => (
          <span
            role="columnheader"
            key={col.key}
            style={{ width: columnPx }}
            title={`${t(`features:name.${col.ibsiCode}`, { defaultValue: col.name })}${col.filter ? ` · ${col.filter}` : ''}${col.unit ? ` (${col.unit})` : ''}`}
            data-code={col.ibsiCode}
            data-filter={col.filter}
          >
            <code>{col.ibsiCode}</code>
            {col.filter ? ` · ${col.filter}` : ''}
          </span>
        ))}
      </div>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width }}>
        {virtualizer.getVirtualItems().map((v) => {
          const row = pivot.rows[v.index];
          return (
            <div
              key={row.key}
              role="row"
              aria-rowindex={v.index + 1}
              className="cohort-grid-row"
              style={{ transform: `translateY(${v.start}px)`, height: rowPx, width }}
              data-testid="pivot-row"
              data-series={row.series}
            >
              <span role="rowheader" style={{ width: seriesPx }} title={row.series}>
                {row.series}
                {row.roi && row.roi !== 'whole' ? ` · ${row.roi}` : ''}
                {row.slice >= 0 ? ` · ${t('features.slice', { slice: row.slice })}` : ''}
              </span>
              {pivot.columns.map((col, k) => {
                const value = row.values[k];
                return (
                  <span
                    role="cell"
                    key={col.key}
                    className="num"
                    style={{ width: columnPx }}
                    data-code={col.ibsiCode}
                    data-filter={col.filter}
                    data-value={Number.isNaN(value) ? '' : String(value)}
                  >
                    {Number.isNaN(value) ? '—' : formatNumber(value, i18n.language)}
                  </span>
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}
