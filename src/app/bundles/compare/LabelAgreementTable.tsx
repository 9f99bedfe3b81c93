import { useTranslation } from 'react-i18next';
import type { LabelAgreement } from '../../../core/bundle/compareLabels.ts';
import { f3 } from './format.ts';

function Confusion({ row }: { row: LabelAgreement }) {
  const { t } = useTranslation('bundles');
  const { labels, counts } = row.confusion;
  return (
    <table className="confusion" aria-label={t('compare.confusion', { a: row.a, b: row.b })}>
      <thead>
        <tr>
          <th>
            {row.a} ↓ / {row.b} →
          </th>
          {labels.map((l) => (
            <th key={l}>{l}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {labels.map((l, i) => (
          <tr key={l}>
            <th>{l}</th>
            {counts[i].map((c, j) => (
              <td key={labels[j]}>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Agreement on predicted labels for each pair of center/model over their matched cases. */
export function LabelAgreementTable({ rows }: { rows: readonly LabelAgreement[] }) {
  const { t } = useTranslation('bundles');
  if (rows.length === 0) return <p className="muted">{t('compare.noPredictions')}</p>;
  return (
    <div>
      <table aria-label={t('compare.labelAgreement')}>
        <thead>
          <tr>
            <th>A</th>
            <th>B</th>
            <th>n</th>
            <th>{t('compare.agreement')}</th>
            <th>{t('compare.kappa')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.a}|${r.b}`}>
              <td>{r.a}</td>
              <td>{r.b}</td>
              <td>{r.n}</td>
              <td>{f3(r.percentAgreement)}</td>
              <td>{f3(r.kappa)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.map((r) => (
        <Confusion key={`${r.a}|${r.b}`} row={r} />
      ))}
    </div>
  );
}
