import { useTranslation } from 'react-i18next';
import type { FeatureDistribution } from '../../../core/bundle/compareFeatures.ts';
import { extent, f3, linear } from './format.ts';

const W = 320;
const ROW = 34;
const LEFT = 90;

/** One box per center over its unmatched cases: a shift between boxes is a site effect. */
export function BoxPlot({ rows }: { rows: readonly FeatureDistribution[] }) {
  const { t } = useTranslation('bundles');
  if (rows.length === 0) return <p className="muted">{t('compare.noUnmatched')}</p>;
  const [lo, hi] = extent(rows.flatMap((r) => [r.unmatched.min, r.unmatched.max]));
  const x = linear(lo, hi, LEFT, W - 10);
  const H = rows.length * ROW + 20;
  return (
    <figure className="bundle-plot">
      <svg width={W} height={H} role="img" aria-label={t('compare.unmatched')}>
        {rows.map((r, i) => {
          const s = r.unmatched;
          const mid = 10 + i * ROW + ROW / 2;
          return (
            <g key={r.center} data-center={r.center}>
              <text x={4} y={mid + 4}>
                {t('compare.boxLabel', { center: r.center, n: s.n })}
              </text>
              <line x1={x(s.min)} x2={x(s.max)} y1={mid} y2={mid} className="whisker" />
              <rect
                x={x(s.q1)}
                width={Math.max(1, x(s.q3) - x(s.q1))}
                y={mid - 9}
                height={18}
                className="box"
              />
              <line
                x1={x(s.median)}
                x2={x(s.median)}
                y1={mid - 9}
                y2={mid + 9}
                className="median"
              />
            </g>
          );
        })}
      </svg>
      <figcaption>{t('compare.range', { lo: f3(lo), hi: f3(hi) })}</figcaption>
    </figure>
  );
}
