import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeatureValue } from '../../core/analysis/computeFeatures.ts';
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
  const rows = sort ? sortRows(features, sort.key, sort.asc) : features;
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
          <tr key={`${f.family}/${f.ibsiCode}`} data-code={f.ibsiCode} data-family={f.family}>
            <td>{f.name}</td>
            <td>{f.ibsiCode}</td>
            <td className="value">{formatValue(f.value)}</td>
            <td>{displayUnit(f.unit, modality)}</td>
            <td>{f.family}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
