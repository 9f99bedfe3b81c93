// IBSI image processing before features, as `consilium features` takes it: resampling (spacing,
// interpolation, mask threshold), outlier re-segmentation and the IVH's own discretisation.
// Range re-segmentation stays in the Features settings beside the bins it bounds.
import type { Discretisation } from '../../core/analysis/discretise.ts';
import {
  defaultMaskThreshold,
  interpolations,
  type Interpolation,
  type ResampleParams,
} from '../../core/analysis/params.ts';
import { useTranslation } from 'react-i18next';
import { useStore } from '../store/store.ts';

/** An empty field is "not set"; anything else is the number typed (NaN is refused by the core). */
function numberOrNull(v: string): number | null {
  return v.trim() === '' ? null : Number(v);
}

const shown = (v: number | null | undefined) => (v === null || v === undefined ? '' : v);

const defaultResample: ResampleParams = {
  spacingMm: [1, 1, 1],
  interpolation: 'linear',
  maskThreshold: defaultMaskThreshold,
};

export function ProcessingForm() {
  const { t } = useTranslation('analysis');
  const s = useStore((st) => st.settings);
  const set = useStore((st) => st.setSettings);
  const r = s.resample ?? null;
  const setResample = (change: Partial<ResampleParams>) =>
    set({ resample: { ...(r ?? defaultResample), ...change } });
  const setSpacing = (axis: 0 | 1 | 2, v: string) => {
    const n = numberOrNull(v);
    const [x, y, z] = (r ?? defaultResample).spacingMm;
    const next: (number | null)[] = [x, y, z ?? null];
    next[axis] = axis === 2 ? n : (n ?? NaN);
    setResample({ spacingMm: next.filter((c, k) => k < 2 || c !== null) as number[] });
  };
  const ivh = s.ivhDiscretisation ?? null;
  const setIvh = (kind: string, value?: number) => {
    const d: Discretisation | null =
      kind === 'bin-width'
        ? { kind, binWidth: value ?? (ivh?.kind === 'bin-width' ? ivh.binWidth : 1) }
        : kind === 'bin-count'
          ? { kind, binCount: value ?? (ivh?.kind === 'bin-count' ? ivh.binCount : 1000) }
          : null;
    set({ ivhDiscretisation: d });
  };
  const ivhValue =
    ivh?.kind === 'bin-width' ? ivh.binWidth : ivh?.kind === 'bin-count' ? ivh.binCount : null;
  return (
    <fieldset>
      <legend>{t('processing.legend')}</legend>
      <div className="row">
        <label>
          <input
            type="checkbox"
            checked={r !== null}
            onChange={(e) => set({ resample: e.target.checked ? defaultResample : null })}
          />
          {t('processing.resampleTo')}
        </label>
        {(['x', 'y', 'z'] as const).map((axis, k) => (
          <input
            key={axis}
            type="number"
            step="any"
            min={0}
            disabled={r === null}
            aria-label={t('processing.spacing', { axis })}
            placeholder={k === 2 ? t('processing.keep') : axis}
            value={shown(r?.spacingMm[k])}
            onChange={(e) => setSpacing(k as 0 | 1 | 2, e.target.value)}
          />
        ))}
        mm
        <label>
          {t('processing.interpolation')}{' '}
          <select
            disabled={r === null}
            value={r?.interpolation ?? 'linear'}
            onChange={(e) => setResample({ interpolation: e.target.value as Interpolation })}
          >
            {interpolations.map((m) => (
              <option key={m} value={m}>
                {t(`processing.interpolations.${m}`, { defaultValue: m })}
              </option>
            ))}
          </select>
        </label>
        <label title={t('processing.maskThresholdHelp')}>
          {t('processing.maskThreshold')}{' '}
          <input
            type="number"
            step="any"
            min={0}
            max={1}
            disabled={r === null}
            value={shown(r?.maskThreshold ?? defaultMaskThreshold)}
            onChange={(e) => setResample({ maskThreshold: numberOrNull(e.target.value) ?? NaN })}
          />
        </label>
      </div>
      <div className="row">
        <label title={t('processing.outliersHelp')}>
          {t('processing.outliers')}{' '}
          <input
            type="number"
            step="any"
            min={0}
            aria-label={t('processing.outlierSds')}
            placeholder={t('processing.off')}
            value={shown(s.outliers)}
            onChange={(e) => set({ outliers: numberOrNull(e.target.value) })}
          />{' '}
          {t('processing.sd')}
        </label>
        <label>
          {t('processing.ivh')}{' '}
          <select value={ivh?.kind ?? 'default'} onChange={(e) => setIvh(e.target.value)}>
            <option value="default">{t('processing.ivhDefault')}</option>
            <option value="bin-width">{t('processing.ivhBinWidth')}</option>
            <option value="bin-count">{t('processing.ivhBinCount')}</option>
          </select>
        </label>
        {ivh && (
          <input
            type="number"
            step="any"
            min={0}
            aria-label={t('processing.ivhValue')}
            value={shown(ivhValue)}
            onChange={(e) => setIvh(ivh.kind, numberOrNull(e.target.value) ?? NaN)}
          />
        )}
      </div>
    </fieldset>
  );
}
