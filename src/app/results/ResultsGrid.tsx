// The wide results table: a row per case (series · ROI · slice), a column per feature. Rows and
// feature columns are both virtualized (thousands of series × ~170 features stay smooth); the
// case's name stays at the left while the features scroll. Click a header to sort.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { familyName } from '../analysis/featureText.ts';
import { formatNumber } from '../i18n/format.ts';
import type { FeatureColumn, WideRow } from './resultTables.ts';
import type { WideSort } from './sortWide.ts';

const ROW_PX = 26;
const HEAD_PX = 44;
const COL_PX = 116;
const ID_PX = 300;

function SortButton({
  column,
  sort,
  onSort,
  children,
  title,
}: {
  column: string;
  sort: WideSort | null;
  onSort: (column: string) => void;
  children: React.ReactNode;
  title?: string;
}) {
  const mark = sort?.column === column ? (sort.descending ? ' ▼' : ' ▲') : '';
  return (
    <button
      type="button"
      title={title}
      data-sort-column={column}
      aria-sort={sort?.column === column ? (sort.descending ? 'descending' : 'ascending') : 'none'}
      onClick={() => onSort(column)}
    >
      {children}
      {mark}
    </button>
  );
}

export function ResultsGrid({
  rows,
  columns,
  sort,
  onSort,
  onOpen,
  transposed = false,
}: {
  rows: WideRow[];
  columns: FeatureColumn[];
  sort: WideSort | null;
  onSort: (column: string) => void;
  onOpen: (row: WideRow) => void;
  /** Rows are features and columns cases (the identifying cells name the feature). */
  transposed?: boolean;
}) {
  const { t, i18n } = useTranslation('results');
  const scroller = useRef<HTMLDivElement>(null);
  const rowsV = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_PX,
    overscan: 10,
  });
  const colsV = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => COL_PX,
    overscan: 4,
  });
  const width = ID_PX + colsV.getTotalSize();
  const cols = colsV.getVirtualItems();
  return (
    <div
      className="results-grid"
      ref={scroller}
      role="table"
      aria-label={t('grid.label')}
      aria-rowcount={rows.length}
      aria-colcount={columns.length}
      data-testid="results-grid"
    >
      <div className="results-head" role="row" style={{ width, height: HEAD_PX }}>
        <div className="results-ids" role="columnheader">
          <SortButton column="series" sort={sort} onSort={onSort}>
            {transposed ? t('grid.feature') : t('grid.series')}
          </SortButton>
          <SortButton column="roi" sort={sort} onSort={onSort}>
            {transposed ? t('grid.aggregation') : t('grid.roi')}
          </SortButton>
          <SortButton column="slice" sort={sort} onSort={onSort}>
            {transposed ? t('grid.family') : t('grid.slice')}
          </SortButton>
        </div>
        {cols.map((c) => {
          const col = columns[c.index];
          return (
            <div
              key={col.id}
              role="columnheader"
              className="results-cell"
              data-column={col.id}
              style={{ left: ID_PX + c.start, width: c.size, height: HEAD_PX }}
            >
              <SortButton
                column={col.id}
                sort={sort}
                onSort={onSort}
                title={`${col.name} [${col.ibsiCode}]${col.aggregation ? ` ${col.aggregation}` : ''}${col.unit ? ` (${col.unit})` : ''}`}
              >
                {col.name}
                {transposed ? null : <small> {col.ibsiCode}</small>}
                {col.aggregation ? <small> {col.aggregation}</small> : null}
              </SortButton>
            </div>
          );
        })}
      </div>
      <div style={{ height: rowsV.getTotalSize(), width, position: 'relative' }}>
        {rowsV.getVirtualItems().map((v) => {
          const row = rows[v.index];
          return (
            <div
              key={row.key}
              role="row"
              className="results-row"
              data-row={v.index}
              style={{ transform: `translateY(${v.start}px)`, height: ROW_PX, width }}
              onClick={() => onOpen(row)}
            >
              <div className="results-ids" role="rowheader" title={String(row.ids.series_uid)}>
                <span>
                  {/* Turned round, a row is a feature (key family.CODE[.aggregation]): its code
                      first, so a long name cannot hide it. */}
                  {transposed ? <small>{row.key.split('.')[1]} </small> : null}
                  {row.ids.series}
                </span>
                <span>{row.ids.roi}</span>
                {transposed ? (
                  <span title={familyName(t, String(row.ids.slice ?? ''))}>
                    {familyName(t, String(row.ids.slice ?? ''))}
                  </span>
                ) : (
                  <span>{row.ids.slice ?? t('grid.wholeRoi')}</span>
                )}
              </div>
              {cols.map((c) => {
                const col = columns[c.index];
                const value = row.values[col.id];
                return (
                  <div
                    key={col.id}
                    role="cell"
                    className="results-cell value"
                    data-column={col.id}
                    style={{ left: ID_PX + c.start, width: c.size }}
                  >
                    {value === undefined ? '' : formatNumber(value, i18n.language)}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}
