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
      <legend>Image processing (IBSI)</legend>
      <div className="row">
        <label>
          <input
            type="checkbox"
            checked={r !== null}
            onChange={(e) => set({ resample: e.target.checked ? defaultResample : null })}
          />
          Resample to
        </label>
        {(['x', 'y', 'z'] as const).map((axis, k) => (
          <input
            key={axis}
            type="number"
            step="any"
            min={0}
            disabled={r === null}
            aria-label={`Resampled spacing ${axis} (mm)`}
            placeholder={k === 2 ? 'keep' : axis}
            value={shown(r?.spacingMm[k])}
            onChange={(e) => setSpacing(k as 0 | 1 | 2, e.target.value)}
          />
        ))}
        mm
        <label>
          Interpolation{' '}
          <select
            disabled={r === null}
            value={r?.interpolation ?? 'linear'}
            onChange={(e) => setResample({ interpolation: e.target.value as Interpolation })}
          >
            {interpolations.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        <label title="Interpolated mask voxels at or above this fraction stay in the ROI">
          Mask threshold{' '}
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
        <label title="Keep intensities within mean ± K SD of the ROI (with the range: both)">
          Outliers ±{' '}
          <input
            type="number"
            step="any"
            min={0}
            aria-label="Outlier SDs"
            placeholder="off"
            value={shown(s.outliers)}
            onChange={(e) => set({ outliers: numberOrNull(e.target.value) })}
          />{' '}
          SD
        </label>
        <label>
          IVH discretisation{' '}
          <select value={ivh?.kind ?? 'default'} onChange={(e) => setIvh(e.target.value)}>
            <option value="default">IBSI default (none for integer data)</option>
            <option value="bin-width">fixed bin size</option>
            <option value="bin-count">fixed bin number</option>
          </select>
        </label>
        {ivh && (
          <input
            type="number"
            step="any"
            min={0}
            aria-label="IVH bin size or number"
            value={shown(ivhValue)}
            onChange={(e) => setIvh(ivh.kind, numberOrNull(e.target.value) ?? NaN)}
          />
        )}
      </div>
    </fieldset>
  );
}
