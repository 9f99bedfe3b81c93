import { useStore } from '../store/store.ts';

/** Canny edge overlay on the viewer: computed in a worker for the displayed frame. */
export function EdgeControls() {
  const e = useStore((s) => s.edges);
  const set = useStore((s) => s.setEdges);
  const num = (v: string, fallback: number) =>
    Number.isFinite(Number(v)) && v !== '' ? Number(v) : fallback;
  return (
    <fieldset>
      <legend>Edges</legend>
      <div className="row">
        <label>
          <input
            type="checkbox"
            checked={e.enabled}
            onChange={() => set({ enabled: !e.enabled })}
          />
          Show edges
        </label>
        <label>
          Opacity{' '}
          <input
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={e.opacity}
            onChange={(x) => set({ opacity: Number(x.target.value) })}
          />
        </label>
        <label>
          Colour{' '}
          <input type="color" value={e.colour} onChange={(x) => set({ colour: x.target.value })} />
        </label>
      </div>
      <div className="row">
        <label>
          Sigma{' '}
          <input
            type="number"
            min={0}
            step={0.1}
            value={e.sigma}
            onChange={(x) => set({ sigma: Math.max(0, num(x.target.value, e.sigma)) })}
          />
        </label>
        <select
          aria-label="Threshold kind"
          value={e.thresholds}
          onChange={(x) => set({ thresholds: x.target.value as 'percentile' | 'absolute' })}
        >
          <option value="percentile">Percentiles of the gradient</option>
          <option value="absolute">Absolute gradient</option>
        </select>
        <label>
          Low{' '}
          <input
            type="number"
            value={e.low}
            onChange={(x) => set({ low: num(x.target.value, e.low) })}
          />
        </label>
        <label>
          High{' '}
          <input
            type="number"
            value={e.high}
            onChange={(x) => set({ high: num(x.target.value, e.high) })}
          />
        </label>
        <label>
          <input
            type="checkbox"
            checked={e.followWindow}
            onChange={() => set({ followWindow: !e.followWindow })}
          />
          Within the displayed window
        </label>
      </div>
    </fieldset>
  );
}
