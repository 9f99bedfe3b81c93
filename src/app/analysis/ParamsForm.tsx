import { useTranslation } from 'react-i18next';
import type { FamilyId } from '../../core/analysis/featureDef.ts';
import { familyDefs } from '../../core/analysis/registry.ts';
import type { DirectionalAggregation } from '../../core/analysis/texture/aggregate.ts';
import { useStore } from '../store/store.ts';
import { familyName } from './featureText.ts';

const families = Object.keys(familyDefs) as FamilyId[];

// Labels are analysis:params.aggregation.<id> (dots read as key separators, so "_" for ".").
const aggregations: DirectionalAggregation[] = [
  '2d-avg',
  '2d-merged',
  '2.5d-direction-merged',
  '2.5d-merged',
  '3d-avg',
  '3d-merged',
];

/** Optional number: an empty field means "not set". */
function numberOrNull(v: string): number | null {
  return v.trim() === '' || !Number.isFinite(Number(v)) ? null : Number(v);
}

export function ParamsForm() {
  const { t } = useTranslation('analysis');
  const s = useStore((st) => st.settings);
  const set = useStore((st) => st.setSettings);
  const toggle = (f: FamilyId) =>
    set({
      families: s.families.includes(f) ? s.families.filter((x) => x !== f) : [...s.families, f],
    });
  const setReseg = (k: 0 | 1, v: string) => {
    const n = numberOrNull(v);
    const cur = s.resegment ?? [-Infinity, Infinity];
    const next: [number, number] = k === 0 ? [n ?? -Infinity, cur[1]] : [cur[0], n ?? Infinity];
    set({ resegment: Number.isFinite(next[0]) || Number.isFinite(next[1]) ? next : null });
  };
  const shown = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : '');
  return (
    <fieldset>
      <legend>{t('params.legend')}</legend>
      <div className="row" role="group" aria-label={t('params.families')}>
        {families.map((f) => (
          <label key={f} title={familyName(t, f)}>
            <input type="checkbox" checked={s.families.includes(f)} onChange={() => toggle(f)} />
            {t(`params.family.${f}`, { defaultValue: f })} ({familyDefs[f].length})
          </label>
        ))}
      </div>
      <div className="row">
        <label>
          <input
            type="radio"
            name="binning"
            checked={s.binning === 'bin-count'}
            onChange={() => set({ binning: 'bin-count' })}
          />
          {t('params.binCount')}
        </label>
        <input
          type="number"
          aria-label={t('params.binCountLabel')}
          min={1}
          value={s.binCount}
          onChange={(e) => set({ binCount: Math.max(1, Math.round(Number(e.target.value)) || 1) })}
        />
        <label>
          <input
            type="radio"
            name="binning"
            checked={s.binning === 'bin-width'}
            onChange={() => set({ binning: 'bin-width' })}
          />
          {t('params.binWidth')}
        </label>
        <input
          type="number"
          aria-label={t('params.binWidthLabel')}
          min={0}
          step="any"
          value={s.binWidth}
          onChange={(e) => set({ binWidth: Math.max(1e-6, Number(e.target.value) || 1) })}
        />
        <label title={t('params.noneHelp')}>
          <input
            type="radio"
            name="binning"
            checked={s.binning === 'none'}
            onChange={() => set({ binning: 'none' })}
          />
          {t('params.none')}
        </label>
      </div>
      <div className="row">
        {t('params.resegment')}
        <input
          type="number"
          aria-label={t('params.resegmentMin')}
          placeholder={t('params.min')}
          value={shown(s.resegment?.[0])}
          onChange={(e) => setReseg(0, e.target.value)}
        />
        {t('params.to')}
        <input
          type="number"
          aria-label={t('params.resegmentMax')}
          placeholder={t('params.max')}
          value={shown(s.resegment?.[1])}
          onChange={(e) => setReseg(1, e.target.value)}
        />
      </div>
      <div className="row">
        <label>
          {t('params.aggregation')}{' '}
          <select
            value={s.aggregation}
            onChange={(e) => set({ aggregation: e.target.value as DirectionalAggregation })}
          >
            {aggregations.map((a) => (
              <option key={a} value={a}>
                {t(`params.aggregations.${a.replace('.', '_')}`)}
              </option>
            ))}
          </select>
        </label>
        <label title={t('params.perSliceHelp')}>
          <input
            type="checkbox"
            checked={s.perSlice === true}
            onChange={(e) => set({ perSlice: e.target.checked })}
          />
          {t('params.perSlice')}
        </label>
        <label>
          {t('params.distance')}{' '}
          <input
            type="number"
            min={1}
            value={s.distance}
            onChange={(e) =>
              set({ distance: Math.max(1, Math.round(Number(e.target.value)) || 1) })
            }
          />
        </label>
        <label title={t('params.ngldmHelp')}>
          {t('params.ngldm')}{' '}
          <input
            type="number"
            min={0}
            value={s.ngldmAlpha ?? 0}
            onChange={(e) =>
              set({ ngldmAlpha: Math.max(0, Math.round(Number(e.target.value)) || 0) })
            }
          />
        </label>
      </div>
    </fieldset>
  );
}
