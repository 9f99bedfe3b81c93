import { useTranslation } from 'react-i18next';
import { useStore } from '../store/store.ts';

/** Canny edge overlay on the viewer: computed in a worker for the displayed frame. */
export function EdgeControls() {
  const { t } = useTranslation('analysis');
  const e = useStore((s) => s.edges);
  const set = useStore((s) => s.setEdges);
  const num = (v: string, fallback: number) =>
    Number.isFinite(Number(v)) && v !== '' ? Number(v) : fallback;
  return (
    <fieldset>
      <legend>{t('edges.legend')}</legend>
      <div className="row">
        <label>
          <input
            type="checkbox"
            checked={e.enabled}
            onChange={() => set({ enabled: !e.enabled })}
          />
          {t('edges.show')}
        </label>
        <label>
          {t('edges.opacity')}{' '}
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
          {t('edges.colour')}{' '}
          <input type="color" value={e.colour} onChange={(x) => set({ colour: x.target.value })} />
        </label>
      </div>
      <div className="row">
        <label>
          {t('edges.sigma')}{' '}
          <input
            type="number"
            min={0}
            step={0.1}
            value={e.sigma}
            onChange={(x) => set({ sigma: Math.max(0, num(x.target.value, e.sigma)) })}
          />
        </label>
        <select
          aria-label={t('edges.thresholdKind')}
          value={e.thresholds}
          onChange={(x) => set({ thresholds: x.target.value as 'percentile' | 'absolute' })}
        >
          <option value="percentile">{t('edges.percentile')}</option>
          <option value="absolute">{t('edges.absolute')}</option>
        </select>
        <label>
          {t('edges.low')}{' '}
          <input
            type="number"
            value={e.low}
            onChange={(x) => set({ low: num(x.target.value, e.low) })}
          />
        </label>
        <label>
          {t('edges.high')}{' '}
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
          {t('edges.followWindow')}
        </label>
      </div>
    </fieldset>
  );
}
