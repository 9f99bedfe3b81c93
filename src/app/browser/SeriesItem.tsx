import type { SeriesNode } from '../../core/dicom/types.ts';
import { useStore } from '../store/store.ts';
import { seriesDragType } from './seriesDrag.ts';
import { SeriesThumbnail } from './SeriesThumbnail.tsx';

export function SeriesItem({ series }: { series: SeriesNode }) {
  const uid = series.seriesInstanceUID;
  const shown = useStore((s) => s.viewports[s.active].seriesUID === uid);
  const stack = useStore((s) => s.stacks[uid]);
  const images = stack?.length ?? 0;
  const showSeries = useStore((s) => s.showSeries);
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
        <span className="series-title">
          {series.seriesDescription || `Series ${series.seriesNumber ?? ''}`}
        </span>
        <span className="muted">{images} images</span>
      </button>
    </li>
  );
}
