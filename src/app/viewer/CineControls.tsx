import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('viewer');
  const toggleCine = useStore((s) => s.toggleCine);
  const setCineFps = useStore((s) => s.setCineFps);
  return (
    <div className="cine-controls">
      <button
        type="button"
        aria-label={playing ? t('cine.pause') : t('cine.play')}
        title={`${playing ? t('cine.pause') : t('cine.play')} (C)`}
        onClick={() => toggleCine(viewport)}
      >
        {playing ? '❚❚' : '▶'}
      </button>
      <select
        aria-label={t('cine.rate')}
        value={fps}
        onChange={(e) => setCineFps(viewport, Number(e.target.value))}
      >
        {rates.map((r) => (
          <option key={r} value={r}>
            {t('cine.fps', { rate: r })}
          </option>
        ))}
      </select>
    </div>
  );
}
