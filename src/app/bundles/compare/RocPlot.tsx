import { useTranslation } from 'react-i18next';
import type { RaterRoc } from '../../../core/bundle/compareLabels.ts';
import type { RocCurve } from '../../../core/bundle/compareView.ts';
import { f3, linear } from './format.ts';

const S = 220;
const PAD = 30;
const COLOURS = ['#4aa3ff', '#ffb347', '#7bd88f', '#ff6f91', '#c39bd3'];

/** ROC curve per center/model against the ground truth each bundle carries, with AUC and CI. */
export function RocPlot({
  curves,
  rows,
}: {
  curves: readonly RocCurve[];
  rows: readonly RaterRoc[];
}) {
  const { t } = useTranslation('bundles');
  if (rows.length === 0) return <p className="muted">{t('compare.noRoc')}</p>;
  const x = linear(0, 1, PAD, S - 8);
  const y = linear(0, 1, S - PAD, 8);
  return (
    <figure className="bundle-plot">
      <svg width={S} height={S} role="img" aria-label={t('compare.rocCurves')}>
        <line className="axis" x1={x(0)} y1={y(0)} x2={x(1)} y2={y(0)} />
        <line className="axis" x1={x(0)} y1={y(0)} x2={x(0)} y2={y(1)} />
        <line className="chance" x1={x(0)} y1={y(0)} x2={x(1)} y2={y(1)} />
        {curves.map((c, i) => (
          <polyline
            key={c.rater}
            fill="none"
            stroke={COLOURS[i % COLOURS.length]}
            points={c.points.map((p) => `${x(p.fpr)},${y(p.tpr)}`).join(' ')}
          />
        ))}
      </svg>
      <figcaption>
        <ul className="bundle-list">
          {rows.map((r, i) => (
            <li key={r.rater} style={{ color: COLOURS[i % COLOURS.length] }}>
              {t('compare.auc', { rater: r.rater, auc: f3(r.auc) })}
              {r.ci
                ? ` ${t('compare.ci', { lower: f3(r.ci.lower), upper: f3(r.ci.upper) })}`
                : ''}{' '}
              {t('compare.rocFor', {
                label: r.positiveLabel,
                positives: r.positives,
                negatives: r.negatives,
              })}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
