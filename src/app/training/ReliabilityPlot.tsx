// Calibration at a glance: each reliability bin's mean predicted probability against the
// observed rate of the positive label, with the diagonal of a perfectly calibrated model.
import { useTranslation } from 'react-i18next';
import type { ReliabilityBin } from '../../core/models/metrics/binary.ts';

const SIZE = 160;
const PAD = 24;
const at = (v: number) => PAD + v * (SIZE - 2 * PAD);
const atY = (v: number) => SIZE - PAD - v * (SIZE - 2 * PAD);

export function ReliabilityPlot({ bins }: { bins: readonly ReliabilityBin[] }) {
  const { t } = useTranslation('training');
  const points = bins.filter((b) => b.predicted !== null && b.observed !== null);
  const path = points
    .map((b, k) => `${k ? 'L' : 'M'}${at(b.predicted!).toFixed(1)},${atY(b.observed!).toFixed(1)}`)
    .join(' ');
  return (
    <svg
      className="reliability-plot"
      width={SIZE}
      height={SIZE}
      role="img"
      aria-label={t('train.reliability')}
      data-testid="reliability-plot"
      data-points={points.length}
    >
      <rect
        x={PAD}
        y={PAD}
        width={SIZE - 2 * PAD}
        height={SIZE - 2 * PAD}
        fill="none"
        stroke="#888"
      />
      <line x1={at(0)} y1={atY(0)} x2={at(1)} y2={atY(1)} stroke="#888" strokeDasharray="3 3" />
      <path d={path} fill="none" stroke="#4fc3f7" strokeWidth={1.5} />
      {points.map((b, k) => (
        <circle
          key={k}
          cx={at(b.predicted!)}
          cy={atY(b.observed!)}
          r={2 + Math.min(4, b.cases / 10)}
          fill="#4fc3f7"
        >
          <title>
            {t('train.bin', {
              predicted: b.predicted!.toFixed(2),
              observed: b.observed!.toFixed(2),
              cases: b.cases,
            })}
          </title>
        </circle>
      ))}
      <text x={SIZE / 2} y={SIZE - 6} textAnchor="middle" fontSize="10" fill="currentColor">
        {t('train.predicted')}
      </text>
      <text
        x={8}
        y={SIZE / 2}
        fontSize="10"
        fill="currentColor"
        transform={`rotate(-90 8 ${SIZE / 2})`}
        textAnchor="middle"
      >
        {t('train.observed')}
      </text>
    </svg>
  );
}
