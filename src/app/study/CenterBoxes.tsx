import { useTranslation } from 'react-i18next';
import type { CenterDistribution } from '../../core/models/study/studyView.ts';
import type { Summary } from '../../core/stats/quantiles.ts';
import { extent, f3, linear } from '../bundles/compare/format.ts';

const W = 360;
const ROW = 26;
const LEFT = 110;

/**
 * One box per center for the chosen feature, before and (when harmonized) after ComBat, on one
 * shared axis so the shift between centers, and its removal, can be seen.
 */
export function CenterBoxes({ rows }: { rows: readonly CenterDistribution[] }) {
  const { t } = useTranslation('study');
  const all = rows.flatMap((r) => [r.before, ...(r.after ? [r.after] : [])]);
  const [lo, hi] = extent(all.flatMap((s) => [s.min, s.max]));
  const x = linear(lo, hi, LEFT, W - 10);
  const lines = rows.flatMap((r) => [
    { key: `${r.center}|before`, center: r.center, when: 'before', s: r.before },
    ...(r.after ? [{ key: `${r.center}|after`, center: r.center, when: 'after', s: r.after }] : []),
  ]);
  const H = lines.length * ROW + 10;
  const box = (s: Summary, mid: number) => (
    <>
      <line x1={x(s.min)} x2={x(s.max)} y1={mid} y2={mid} className="whisker" />
      <rect
        x={x(s.q1)}
        width={Math.max(1, x(s.q3) - x(s.q1))}
        y={mid - 7}
        height={14}
        className="box"
      />
      <line x1={x(s.median)} x2={x(s.median)} y1={mid - 7} y2={mid + 7} className="median" />
    </>
  );
  return (
    <figure className="bundle-plot">
      <svg width={W} height={H} role="img" aria-label={t('boxes.label')}>
        {lines.map((l, i) => {
          const mid = 5 + i * ROW + ROW / 2;
          return (
            <g key={l.key} data-center={l.center} data-when={l.when} data-median={l.s.median}>
              <text x={4} y={mid + 4}>
                {l.when === 'after' ? t('boxes.after', { center: l.center }) : l.center}
              </text>
              {box(l.s, mid)}
            </g>
          );
        })}
      </svg>
      <figcaption>{t('boxes.range', { lo: f3(lo), hi: f3(hi) })}</figcaption>
    </figure>
  );
}
