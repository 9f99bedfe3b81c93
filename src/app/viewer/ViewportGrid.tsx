import { useStore } from '../store/store.ts';
import { layoutCells } from '../store/viewerSlice.ts';
import { Viewport } from './Viewport.tsx';
import { usePersistedMeasurements } from './measure/usePersistedMeasurements.ts';
import { useLinkedScrolling } from './linked/useLinkedScrolling.ts';

export function ViewportGrid() {
  const layout = useStore((s) => s.layout);
  usePersistedMeasurements();
  useLinkedScrolling();
  return (
    <div className={`viewport-grid layout-${layout}`} data-testid="viewport-grid">
      {Array.from({ length: layoutCells[layout] }, (_, i) => (
        <Viewport key={i} index={i} />
      ))}
    </div>
  );
}
