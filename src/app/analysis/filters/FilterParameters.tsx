import { useTranslation } from 'react-i18next';
import { boundaries, filterNames, poolings } from '../../../core/filters/types.ts';
import type { Boundary, FilterName, Pooling } from '../../../core/filters/types.ts';
import { filterFields } from './filterForm.ts';
import { useFilters } from './filterStore.ts';

/** The filter, its own parameters and the common choices (dimensions, boundary, rotations). */
export function FilterParameters({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation('filters');
  const form = useFilters((s) => s.form);
  const { setForm, setParameter } = useFilters.getState();
  const values = form.own[form.filter];
  // Gabor is defined in a plane: axial, or averaged over the three orthogonal ones.
  const planar = form.filter === 'gabor';
  return (
    <>
      <label className="row">
        {t('filter.label')}{' '}
        <select
          value={form.filter}
          disabled={disabled}
          onChange={(e) => setForm({ filter: e.target.value as FilterName })}
        >
          {filterNames.map((name) => (
            <option key={name} value={name}>
              {t(`filter.${name}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="row">
        {filterFields[form.filter].map((field) => (
          <label key={field.key}>
            {t(`field.${field.key}`)}{' '}
            {field.choices ? (
              <select
                value={values[field.key] ?? field.initial}
                disabled={disabled}
                onChange={(e) => setParameter(field.key, e.target.value)}
              >
                {field.choices.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            ) : (
              <input
                type="text"
                size={7}
                value={values[field.key] ?? ''}
                disabled={disabled}
                onChange={(e) => setParameter(field.key, e.target.value)}
              />
            )}
          </label>
        ))}
      </div>
      <div className="row">
        <label>
          {t('dims.label')}{' '}
          <select
            value={planar || form.twoD ? '2' : '3'}
            disabled={disabled || planar}
            onChange={(e) => setForm({ twoD: e.target.value === '2' })}
          >
            <option value="3">{t('dims.3')}</option>
            <option value="2">{t('dims.2')}</option>
          </select>
        </label>
        <label>
          {t('boundary.label')}{' '}
          <select
            value={form.boundary}
            disabled={disabled}
            onChange={(e) => setForm({ boundary: e.target.value as Boundary })}
          >
            {boundaries.map((b) => (
              <option key={b} value={b}>
                {t(`boundary.${b}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="row">
        <label>
          <input
            type="checkbox"
            checked={form.rotationInvariant}
            disabled={disabled}
            onChange={() => setForm({ rotationInvariant: !form.rotationInvariant })}
          />
          {t('rotation.invariant')}
        </label>
        <label>
          {t('rotation.pooling')}{' '}
          <select
            value={form.pooling}
            disabled={disabled || !form.rotationInvariant}
            onChange={(e) => setForm({ pooling: e.target.value as Pooling })}
          >
            {poolings.map((p) => (
              <option key={p} value={p}>
                {t(`pooling.${p}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
    </>
  );
}
