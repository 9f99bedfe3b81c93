import { useState } from 'react';
import type { FeatureValue } from '../../core/analysis/computeFeatures.ts';
import { displayUnit, formatValue } from './formatValue.ts';
import { sortRows, type SortKey } from './sortRows.ts';

const columns: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Feature' },
  { key: 'ibsiCode', label: 'IBSI' },
  { key: 'value', label: 'Value' },
  { key: 'unit', label: 'Unit' },
  { key: 'family', label: 'Family' },
];

export function FeatureTable({
  features,
  modality,
}: {
  features: FeatureValue[];
  modality: string;
}) {
  const [sort, setSort] = useState<{ key: SortKey; asc: boolean } | null>(null);
  const rows = sort ? sortRows(features, sort.key, sort.asc) : features;
  return (
    <table className="feature-table" aria-label="Features">
      <thead>
        <tr>
          {columns.map((c) => (
            <th
              key={c.key}
              aria-sort={sort?.key === c.key ? (sort.asc ? 'ascending' : 'descending') : 'none'}
            >
              <button
                type="button"
                onClick={() => setSort({ key: c.key, asc: sort?.key === c.key ? !sort.asc : true })}
              >
                {c.label}
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
