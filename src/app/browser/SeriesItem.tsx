import { useShallow } from 'zustand/react/shallow';
import type { SeriesNode } from '../../core/dicom/types.ts';
import { structuresOfSeries } from '../analysis/maskRoi.ts';
import { useStore } from '../store/store.ts';
import { seriesDragType } from './seriesDrag.ts';
import { SeriesThumbnail } from './SeriesThumbnail.tsx';

/** Description, else number, else the file name of a one-file series (not a row of "Series"). */
export function seriesTitle(series: SeriesNode): string {
  if (series.seriesDescription) return series.seriesDescription;
  if (series.seriesNumber !== null) return `Series ${series.seriesNumber}`;
  const file = series.instances.length === 1 ? series.instances[0].file : '';
  return file ? (file.split('/').pop() ?? file) : 'Series';
}

export function SeriesItem({ series }: { series: SeriesNode }) {
  const uid = series.seriesInstanceUID;
  const derived = series.instances[0]?.seriesUidDerived === true;
  const shown = useStore((s) => s.viewports[s.active].seriesUID === uid);
  const stack = useStore((s) => s.stacks[uid]);
  const images = stack?.length ?? 0;
  const showSeries = useStore((s) => s.showSeries);
  // RTSTRUCT and SEG structures drawn on this series: chosen as ROIs in the Analysis tab.
  const structures = useStore(
    useShallow((s) =>
      structuresOfSeries(s, uid).map(
        (x) => `${x.mask.kind === 'rtstruct' ? 'RTSTRUCT' : 'SEG'} ${x.structure.name}`,
      ),
    ),
  );
  return (
    <li>
      <button
        type="button"
        className={`series${shown ? ' shown' : ''}`}
        aria-current={shown}
        title="Click to show in the active viewport, or drag onto a viewport"
        draggable
        onClick={() => showSeries(uid)}
        onDragStart={(e) => {
          e.dataTransfer.setData(seriesDragType, uid);
          e.dataTransfer.effectAllowed = 'copy';
        }}
      >
        <SeriesThumbnail stack={stack} />
        <span className="modality">{series.modality}</span>
        <span className="series-title">{seriesTitle(series)}</span>
        {derived && (
          <span
            className="muted"
            data-testid="derived-series"
            title="These files have no Series Instance UID: grouped by study, modality, frame of reference and image size"
          >
            (no series UID)
          </span>
        )}
        <span className="muted">{images} images</span>
      </button>
      {structures.length > 0 && (
        <ul className="series-structures muted" aria-label="Structures">
          {structures.map((label, k) => (
            <li key={k}>{label}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
