import type { FamilyId } from '../../core/analysis/featureDef.ts';
import { familyDefs } from '../../core/analysis/registry.ts';
import type { DirectionalAggregation } from '../../core/analysis/texture/aggregate.ts';
import { useStore } from '../store/store.ts';

const families = Object.keys(familyDefs) as FamilyId[];

const aggregations: { id: DirectionalAggregation; label: string }[] = [
  { id: '2d-avg', label: '2D, averaged' },
  { id: '2d-merged', label: '2D, slice-merged' },
  { id: '2.5d-direction-merged', label: '2.5D, direction merged' },
  { id: '2.5d-merged', label: '2.5D, merged' },
  { id: '3d-avg', label: '3D, averaged' },
  { id: '3d-merged', label: '3D, merged' },
];

/** Optional number: an empty field means "not set". */
function numberOrNull(v: string): number | null {
  return v.trim() === '' || !Number.isFinite(Number(v)) ? null : Number(v);
}

export function ParamsForm() {
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
      <legend>Features</legend>
      <div className="row" role="group" aria-label="Feature families">
        {families.map((f) => (
          <label key={f}>
            <input type="checkbox" checked={s.families.includes(f)} onChange={() => toggle(f)} />
            {f} ({familyDefs[f].length})
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
          Fixed bin number
        </label>
        <input
          type="number"
          aria-label="Bin number"
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
          Fixed bin size
        </label>
        <input
          type="number"
          aria-label="Bin size"
          min={0}
          step="any"
          value={s.binWidth}
          onChange={(e) => set({ binWidth: Math.max(1e-6, Number(e.target.value) || 1) })}
        />
        <label title="Intensities rounded to grey levels (integer data)">
          <input
            type="radio"
            name="binning"
            checked={s.binning === 'none'}
            onChange={() => set({ binning: 'none' })}
          />
          None
        </label>
      </div>
      <div className="row">
        Resegment
        <input
          type="number"
          aria-label="Resegmentation minimum"
          placeholder="min"
          value={shown(s.resegment?.[0])}
          onChange={(e) => setReseg(0, e.target.value)}
        />
        to
        <input
          type="number"
          aria-label="Resegmentation maximum"
          placeholder="max"
          value={shown(s.resegment?.[1])}
          onChange={(e) => setReseg(1, e.target.value)}
        />
      </div>
      <div className="row">
        <label>
          Aggregation{' '}
          <select
            value={s.aggregation}
            onChange={(e) => set({ aggregation: e.target.value as DirectionalAggregation })}
          >
            {aggregations.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
        <label title="Every aggregation gives one result per ROI; this gives one per slice">
          <input
            type="checkbox"
            checked={s.perSlice === true}
            onChange={(e) => set({ perSlice: e.target.checked })}
          />
          One result per slice
        </label>
        <label>
          Distance{' '}
          <input
            type="number"
            min={1}
            value={s.distance}
            onChange={(e) =>
              set({ distance: Math.max(1, Math.round(Number(e.target.value)) || 1) })
            }
          />
        </label>
        <label title="NGLDM coarseness: neighbours within this many grey levels are dependent">
          NGLDM α{' '}
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
