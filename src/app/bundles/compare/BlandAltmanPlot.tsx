import { useTranslation } from 'react-i18next';
import type { BlandAltman } from '../../../core/stats/blandAltman.ts';
import type { BlandAltmanPoints } from '../../../core/bundle/compareView.ts';
import { extent, f3, linear } from './format.ts';

const W = 320;
const H = 200;
const PAD = 36;

/** Difference against mean for one pair of centers, with the bias and 95% limits of agreement. */
export function BlandAltmanPlot({ pair, stats }: { pair: BlandAltmanPoints; stats: BlandAltman }) {
  const { t } = useTranslation('bundles');
  const [x0, x1] = extent(pair.points.map((p) => p.mean));
  const [y0, y1] = extent([...pair.points.map((p) => p.diff), stats.lower, stats.upper, 0]);
  const x = linear(x0, x1, PAD, W - 8);
  const y = linear(y0, y1, H - PAD, 8);
  // Labels sit at the right, middle and left so they stay legible when the lines coincide.
  const line = (v: number, label: string, cls: string, at: 'start' | 'middle' | 'end') => (
    <g className={cls}>
      <line x1={PAD} x2={W - 8} y1={y(v)} y2={y(v)} />
      <text
        x={at === 'end' ? W - 10 : at === 'middle' ? (PAD + W) / 2 : PAD + 4}
        y={y(v) - 3}
        textAnchor={at}
      >
        {label} {f3(v)}
      </text>
    </g>
  );
  return (
    <figure className="bundle-plot">
      <svg
        width={W}
        height={H}
        role="img"
        aria-label={t('compare.blandAltman', { a: pair.a, b: pair.b })}
        data-points={pair.points.length}
      >
        <line className="axis" x1={PAD} x2={PAD} y1={8} y2={H - PAD} />
        <line className="axis" x1={PAD} x2={W - 8} y1={H - PAD} y2={H - PAD} />
        {line(stats.upper, t('compare.upper'), 'loa', 'end')}
        {line(stats.bias, t('compare.bias'), 'bias', 'middle')}
        {line(stats.lower, t('compare.lower'), 'loa', 'start')}
        {pair.points.map((p, i) => (
          <circle key={i} cx={x(p.mean)} cy={y(p.diff)} r={3} />
        ))}
        <text x={W / 2} y={H - 6} textAnchor="middle">
          {t('compare.meanOfTwo')}
        </text>
      </svg>
      <figcaption>
        {pair.a} − {pair.b}:{' '}
        {t('compare.baCaption', {
          bias: f3(stats.bias),
          lower: f3(stats.lower),
          upper: f3(stats.upper),
        })}
      </figcaption>
    </figure>
  );
}
