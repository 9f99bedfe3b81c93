import { useStore } from '../store/store.ts';
import type { Layout } from '../store/viewerSlice.ts';

const layouts: Layout[] = ['1x1', '1x2', '2x2'];

export function LayoutButtons() {
  const layout = useStore((s) => s.layout);
  const setLayout = useStore((s) => s.setLayout);
  const linked = useStore((s) => s.linked);
  const setLinked = useStore((s) => s.setLinked);
  return (
    <div className="button-group" role="group" aria-label="Layout">
      {layouts.map((l) => (
        <button key={l} type="button" aria-pressed={layout === l} onClick={() => setLayout(l)}>
          {l.replace('x', '×')}
        </button>
      ))}
      <button
        type="button"
        aria-pressed={linked}
        title="Link: scroll viewports of one frame of reference together, with reference lines"
        onClick={() => setLinked(!linked)}
      >
        Link
      </button>
    </div>
  );
}
