import type { LabelAgreement } from '../../../core/bundle/compareLabels.ts';
import { f3 } from './format.ts';

function Confusion({ row }: { row: LabelAgreement }) {
  const { labels, counts } = row.confusion;
  return (
    <table className="confusion" aria-label={`Confusion ${row.a} vs ${row.b}`}>
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
  if (rows.length === 0)
    return <p className="muted">No matched predictions: label agreement needs predictions.</p>;
  return (
    <div>
      <table aria-label="Label agreement">
        <thead>
          <tr>
            <th>A</th>
            <th>B</th>
            <th>n</th>
            <th>agreement</th>
            <th>kappa</th>
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
