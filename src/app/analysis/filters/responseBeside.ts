// The response in a second viewport of the layout, beside the image: the shown series opened in
// the neighbouring viewport (1×2 if the layout has one), the response drawn there only and
// opaque; the viewer's overlay keeps the two on the same slice (viewer/overlays/useSameSlice.ts).
import { layoutCells } from '../../store/viewerSlice.ts';
import { useStore } from '../../store/store.ts';
import { useFilters } from './filterStore.ts';

export function showResponseBeside(): void {
  const s = useStore.getState();
  const active = s.active;
  const { seriesUID, index } = s.viewports[active];
  if (seriesUID === null) return;
  if (layoutCells[s.layout] < 2) s.setLayout('1x2');
  const other = active === 0 ? 1 : 0;
  s.showSeries(seriesUID, other);
  s.setIndex(other, index);
  s.setActive(active);
  useFilters.getState().setOverlay({ shown: true, viewport: other, opacity: 1 });
}

export function showResponseOver(): void {
  useFilters.getState().setOverlay({ viewport: null, opacity: 0.6 });
}
