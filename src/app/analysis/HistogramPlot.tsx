import { useTranslation } from 'react-i18next';
import type { RoiHistogram } from '../../core/analysis/jobs/roiHistogram.ts';
import { formatValue } from './formatValue.ts';
import { PlotFigure } from './PlotFigure.tsx';

/** Bars of the ROI's intensity histogram, scaled to the tallest bin. */
export function HistogramPlot({ histogram, unit }: { histogram: RoiHistogram; unit: string }) {
  const { t } = useTranslation('analysis');
  const { counts, min, max } = histogram;
  const top = Math.max(1, ...counts);
  const w = 100 / counts.length;
  return (
    <PlotFigure
      label={t('plot.histogram')}
      caption={t('plot.histogramRange', { min: formatValue(min), max: formatValue(max), unit })}
    >
      {counts.map((c, k) => (
        <rect
          key={k}
          className="bar"
          x={k * w}
          width={w * 0.9}
          y={100 - (c / top) * 100}
          height={(c / top) * 100}
        />
      ))}
    </PlotFigure>
  );
}
