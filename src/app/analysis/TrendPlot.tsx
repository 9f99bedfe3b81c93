import { useTranslation } from 'react-i18next';
import { formatValue } from './formatValue.ts';
import { PlotFigure } from './PlotFigure.tsx';

/** One feature across the slices of a series: a line through (slice, value). */
export function TrendPlot({
  points,
  label,
}: {
  points: [slice: number, value: number][];
  label: string;
}) {
  const { t } = useTranslation('analysis');
  const finite = points.filter(([, v]) => Number.isFinite(v));
  if (finite.length === 0) return <p className="muted">{t('plot.none')}</p>;
  const xs = finite.map(([x]) => x);
  const ys = finite.map(([, y]) => y);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const sx = (x: number) => (x1 > x0 ? ((x - x0) / (x1 - x0)) * 96 + 2 : 50);
  const sy = (y: number) => (y1 > y0 ? 98 - ((y - y0) / (y1 - y0)) * 96 : 50);
  const d = finite.map(([x, y], k) => `${k ? 'L' : 'M'}${sx(x)},${sy(y)}`).join(' ');
  return (
    <PlotFigure
      label={t('plot.trend', { feature: label })}
      caption={t('plot.trendRange', {
        feature: label,
        min: formatValue(y0),
        max: formatValue(y1),
        first: x0,
        last: x1,
      })}
    >
      <path className="line" d={d} vectorEffect="non-scaling-stroke" />
    </PlotFigure>
  );
}
