import type { RoiHistogram } from '../../core/analysis/jobs/roiHistogram.ts';
import { formatValue } from './formatValue.ts';

/** Bars of the ROI's intensity histogram, scaled to the tallest bin. */
export function HistogramPlot({ histogram, unit }: { histogram: RoiHistogram; unit: string }) {
  const { counts, min, max } = histogram;
  const top = Math.max(1, ...counts);
  const w = 100 / counts.length;
  return (
    <figure>
      <svg
        className="plot"
        viewBox="0 0 100 100"
        preserveAspectRatio="none"
        role="img"
        aria-label="ROI intensity histogram"
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
      </svg>
      <figcaption>
        Intensities {formatValue(min)} to {formatValue(max)} {unit}
      </figcaption>
    </figure>
  );
}
