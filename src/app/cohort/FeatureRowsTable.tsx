// A features run's values, a row each (series, ROI, feature, IBSI code, value, unit), narrowed by
// a filter on the feature's name, code, family or series; the first rows only, on a large run.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { featureName } from '../analysis/featureText.ts';
import { formatNumber } from '../i18n/format.ts';
import type { FeatureRow } from './cohortApi.ts';

const shown = 500;

export function FeatureRowsTable({ rows, truncated }: { rows: FeatureRow[]; truncated: boolean }) {
  const { t, i18n } = useTranslation('cohort');
  const [filter, setFilter] = useState('');
  const matching = useMemo(() => {
    const f = filter.trim().toLowerCase();
    if (!f) return rows;
    return rows.filter((r) =>
      [r.name, r.ibsiCode, r.family, r.series, r.roi].some((s) => s.toLowerCase().includes(f)),
    );
  }, [rows, filter]);
  return (
    <div className="cohort-features">
      <h4>{t('features.heading', { count: rows.length })}</h4>
      <input
        type="search"
        aria-label={t('features.filter')}
        placeholder={t('features.filter')}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      {(truncated || matching.length > shown) && (
        <p className="muted">
          {t('features.firstRows', { count: Math.min(shown, matching.length) })}
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th>{t('features.series')}</th>
            <th>{t('features.roi')}</th>
            <th>{t('features.name')}</th>
            <th>{t('features.code')}</th>
            <th>{t('features.value')}</th>
            <th>{t('features.unit')}</th>
          </tr>
        </thead>
        <tbody>
          {matching.slice(0, shown).map((r, i) => (
            <tr key={i} data-testid="feature-row" data-series={r.series} data-code={r.ibsiCode}>
              <td title={r.series}>{r.series}</td>
              <td>
                {r.roi === 'whole' ? t('features.wholeImage') : r.roi}
                {r.slice !== null ? ` · ${t('features.slice', { slice: r.slice })}` : ''}
                {r.filter ? ` · ${r.filter}` : ''}
              </td>
              <td>{featureName(t, r)}</td>
              <td>
                <code>{r.ibsiCode}</code>
              </td>
              <td className="num" data-value={r.value === null ? '' : String(r.value)}>
                {r.value === null ? '—' : formatNumber(r.value, i18n.language)}
              </td>
              <td>{r.unit}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
