import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format.ts';
import { useFilters } from './filterStore.ts';
import { showResponseBeside, showResponseOver } from './responseBeside.ts';

/** The response overlay's look: shown or not, its opacity and its own window. */
export function FilterOverlayControls() {
  const { t, i18n } = useTranslation('filters');
  const overlay = useFilters((s) => s.overlay);
  const response = useFilters((s) => s.response);
  const { setOverlay } = useFilters.getState();
  if (!response) return null;
  const [low, high] = overlay.window ?? [response.low, response.high];
  const setBound = (which: 0 | 1, text: string) => {
    const v = Number(text);
    if (text.trim() === '' || !Number.isFinite(v)) return;
    setOverlay({ window: which === 0 ? [v, high] : [low, v] });
  };
  const n = (v: number) => formatNumber(v, i18n.language, 4);
  return (
    <div className="filter-overlay-controls">
      <p data-testid="filter-response" data-filter={response.filter}>
        {t('response.shown', {
          filter: response.filter,
          min: n(response.min),
          max: n(response.max),
        })}
      </p>
      <div className="row">
        <label>
          <input
            type="checkbox"
            checked={overlay.shown}
            onChange={() => setOverlay({ shown: !overlay.shown })}
          />
          {t('overlay.show')}
        </label>
        {overlay.viewport === null ? (
          <button type="button" onClick={showResponseBeside}>
            {t('overlay.beside')}
          </button>
        ) : (
          <button type="button" onClick={showResponseOver}>
            {t('overlay.over')}
          </button>
        )}
        <label>
          {t('overlay.opacity')}{' '}
          <input
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={overlay.opacity}
            onChange={(e) => setOverlay({ opacity: Number(e.target.value) })}
          />
        </label>
      </div>
      <div className="row">
        <label>
          {t('overlay.low')}{' '}
          <input
            type="number"
            step="any"
            key={`low-${response.id}-${low}`}
            defaultValue={Number(low.toPrecision(6))}
            onBlur={(e) => setBound(0, e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && setBound(0, e.currentTarget.value)}
          />
        </label>
        <label>
          {t('overlay.high')}{' '}
          <input
            type="number"
            step="any"
            key={`high-${response.id}-${high}`}
            defaultValue={Number(high.toPrecision(6))}
            onBlur={(e) => setBound(1, e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && setBound(1, e.currentTarget.value)}
          />
        </label>
        <button
          type="button"
          disabled={overlay.window === null}
          onClick={() => setOverlay({ window: null })}
        >
          {t('overlay.auto')}
        </button>
      </div>
    </div>
  );
}
