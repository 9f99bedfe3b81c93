import type { BlandAltman } from '../../../core/stats/blandAltman.ts';
import type { BlandAltmanPoints } from '../../../core/bundle/compareView.ts';
import { extent, f3, linear } from './format.ts';

const W = 320;
const H = 200;
const PAD = 36;

/** Difference against mean for one pair of centers, with the bias and 95% limits of agreement. */
export function BlandAltmanPlot({ pair, stats }: { pair: BlandAltmanPoints; stats: BlandAltman }) {
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
        aria-label={`Bland-Altman ${pair.a} minus ${pair.b}`}
        data-points={pair.points.length}
      >
        <line className="axis" x1={PAD} x2={PAD} y1={8} y2={H - PAD} />
        <line className="axis" x1={PAD} x2={W - 8} y1={H - PAD} y2={H - PAD} />
        {line(stats.upper, '+1.96 SD', 'loa', 'end')}
        {line(stats.bias, 'bias', 'bias', 'middle')}
        {line(stats.lower, '−1.96 SD', 'loa', 'start')}
        {pair.points.map((p, i) => (
          <circle key={i} cx={x(p.mean)} cy={y(p.diff)} r={3} />
        ))}
        <text x={W / 2} y={H - 6} textAnchor="middle">
          mean of the two centers
        </text>
      </svg>
      <figcaption>
        {pair.a} − {pair.b}: bias {f3(stats.bias)}, limits {f3(stats.lower)} to {f3(stats.upper)}
      </figcaption>
    </figure>
  );
}
