import { useStore } from '../store/store.ts';

const rates = [2, 5, 10, 15, 20, 30];

/** Play/pause and frame rate of a viewport's cine, beside its slice slider. */
export function CineControls({
  viewport,
  playing,
  fps,
}: {
  viewport: number;
  playing: boolean;
  fps: number;
}) {
  const toggleCine = useStore((s) => s.toggleCine);
  const setCineFps = useStore((s) => s.setCineFps);
  return (
    <div className="cine-controls">
      <button
        type="button"
        aria-label={playing ? 'Pause cine' : 'Play cine'}
        title={playing ? 'Pause cine (C)' : 'Play cine (C)'}
        onClick={() => toggleCine(viewport)}
      >
        {playing ? '❚❚' : '▶'}
      </button>
      <select
        aria-label="Cine frames per second"
        value={fps}
        onChange={(e) => setCineFps(viewport, Number(e.target.value))}
      >
        {rates.map((r) => (
          <option key={r} value={r}>
            {r} fps
          </option>
        ))}
      </select>
    </div>
  );
}
