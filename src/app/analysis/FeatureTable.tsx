import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeatureValue } from '../../core/analysis/computeFeatures.ts';
import { familyName, featureName } from './featureText.ts';
import { displayUnit, formatValue } from './formatValue.ts';
import { sortRows, type SortKey } from './sortRows.ts';

const columns: SortKey[] = ['name', 'ibsiCode', 'value', 'unit', 'family'];

export function FeatureTable({
  features,
  modality,
}: {
  features: FeatureValue[];
  modality: string;
}) {
  const { t } = useTranslation('results');
  const [sort, setSort] = useState<{ key: SortKey; asc: boolean } | null>(null);
  // Names in the page's language (sorted as shown); the code column keeps IBSI's identifier.
  const named = features.map((f) => ({ ...f, name: featureName(t, f) }));
  const rows = sort ? sortRows(named, sort.key, sort.asc) : named;
  return (
    <table className="feature-table" aria-label={t('table.label')}>
      <thead>
        <tr>
          {columns.map((key) => (
            <th
              key={key}
              aria-sort={sort?.key === key ? (sort.asc ? 'ascending' : 'descending') : 'none'}
            >
              <button
                type="button"
                onClick={() => setSort({ key, asc: sort?.key === key ? !sort.asc : true })}
              >
                {t(`table.${key}`)}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((f) => (
          <tr
            key={`${f.family}/${f.ibsiCode}/${f.name}`}
            data-code={f.ibsiCode}
            data-family={f.family}
          >
            <td>{f.name}</td>
            <td>{f.ibsiCode}</td>
            <td className="value">{formatValue(f.value)}</td>
            <td>{displayUnit(f.unit, modality)}</td>
            <td>{familyName(t, f.family)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
