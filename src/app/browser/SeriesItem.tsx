import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { SeriesNode } from '../../core/dicom/types.ts';
import { importStructureRoi, structuresOfSeries } from '../analysis/maskRoi.ts';
import { useStore } from '../store/store.ts';
import { seriesDragType } from './seriesDrag.ts';
import { SeriesThumbnail } from './SeriesThumbnail.tsx';

/** Description, else number, else the file name of a one-file series (not a row of "Series"). */
export function seriesTitle(series: SeriesNode, t: TFunction<'browser'>): string {
  if (series.seriesDescription) return series.seriesDescription;
  if (series.seriesNumber !== null) return t('series.number', { number: series.seriesNumber });
  const file = series.instances.length === 1 ? series.instances[0].file : '';
  return file ? (file.split('/').pop() ?? file) : t('series.untitled');
}

export function SeriesItem({ series }: { series: SeriesNode }) {
  const { t } = useTranslation('browser');
  const uid = series.seriesInstanceUID;
  const derived = series.instances[0]?.seriesUidDerived === true;
  const shown = useStore((s) => s.viewports[s.active].seriesUID === uid);
  const stack = useStore((s) => s.stacks[uid]);
  const images = stack?.length ?? 0;
  const showSeries = useStore((s) => s.showSeries);
  // RTSTRUCT and SEG structures drawn on this series, each switched on and off here, and
  // chosen as ROIs in the Analysis tab.
  // Flat strings, so the shallow comparison holds between renders (objects would not).
  const structureRows = useStore(
    useShallow((s) =>
      structuresOfSeries(s, uid).map((x) => {
        const roi = s.rois.find((r) => r.source === x.key && r.seriesUID === uid);
        const kind = x.mask.kind === 'rtstruct' ? 'RTSTRUCT' : 'SEG';
        return `${roi !== undefined && !roi.hidden ? 1 : 0}${x.key}\t${kind} ${x.structure.name}`;
      }),
    ),
  );
  const structures = structureRows.map((row) => {
    const [key, label] = row.slice(1).split('\t');
    return { key, label, shown: row[0] === '1' };
  });
  const [problem, setProblem] = useState('');
  const toggle = async (key: string, show: boolean) => {
    const s = useStore.getState();
    const roi = s.rois.find((r) => r.source === key && r.seriesUID === uid);
    if (roi) return s.setRoiHidden(roi.id, !show);
    const chosen = structuresOfSeries(s, uid).find((x) => x.key === key);
    if (!chosen) return;
    // Showing a structure neither selects it nor changes the Analysis tab's ROI.
    const { selectedRoi, roiChoice } = s;
    const placed = await importStructureRoi(uid, chosen);
    useStore.setState({ selectedRoi, roiChoice });
    setProblem(placed.ok ? '' : t('series.notShown', { reason: placed.error.reason }));
  };
  return (
    <li>
      <button
        type="button"
        className={`series${shown ? ' shown' : ''}`}
        aria-current={shown}
        title={t('series.title')}
        draggable
        onClick={() => showSeries(uid)}
        onDragStart={(e) => {
          e.dataTransfer.setData(seriesDragType, uid);
          e.dataTransfer.effectAllowed = 'copy';
        }}
      >
        <SeriesThumbnail stack={stack} />
        <span className="modality">{series.modality}</span>
        <span className="series-title">{seriesTitle(series, t)}</span>
        {derived && (
          <span className="muted" data-testid="derived-series" title={t('series.derivedTitle')}>
            {t('series.derived')}
          </span>
        )}
        <span className="muted">{t('series.images', { count: images })}</span>
      </button>
      {structures.length > 0 && (
        <ul className="series-structures muted" aria-label={t('series.structures')}>
          {structures.map(({ key, label, shown }) => (
            <li key={key}>
              <label>
                <input
                  type="checkbox"
                  checked={shown}
                  aria-label={t('series.show', { label })}
                  onChange={(e) => void toggle(key, e.target.checked)}
                />{' '}
                {label}
              </label>
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p className="muted" role="alert">
          {problem}
        </p>
      )}
    </li>
  );
}
