import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format.ts';
import { featureName } from '../featureText.ts';
import { roiText } from '../roiText.ts';
import { useFilters } from './filterStore.ts';

/** The last filtered features, per ROI, with their filter (they are in the results list too). */
export function FilteredFeatureList() {
  const { t, i18n } = useTranslation('filters');
  const last = useFilters((s) => s.lastFeatures);
  if (last.length === 0) return null;
  return (
    <div data-testid="filtered-features">
      {last.map((r) => (
        <table key={r.key} className="filtered-features">
          <caption>{roiText(t, r.roiName)}</caption>
          <thead>
            <tr>
              <th>{t('features.name')}</th>
              <th>{t('features.code')}</th>
              <th>{t('features.value')}</th>
            </tr>
          </thead>
          <tbody>
            {r.features.map((f) => (
              <tr
                key={`${f.family}/${f.ibsiCode}`}
                data-code={f.ibsiCode}
                data-filter={f.filter}
                data-value={String(f.value)}
              >
                <td>{featureName(t, f)}</td>
                <td>{f.ibsiCode}</td>
                <td className="value">{formatNumber(f.value, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
