// The series the active viewport shows and its ROIs (drawn, or structures taken in the
// Analysis tab), for choosing what a feature model classifies.
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store/store.ts';

export function useShownSeriesRois() {
  const seriesUid = useStore((s) => s.viewports[s.active]?.seriesUID ?? null);
  const rois = useStore(useShallow((s) => s.rois.filter((r) => r.seriesUID === seriesUid)));
  return { seriesUid, rois };
}
