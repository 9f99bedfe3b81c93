// Measurements made by core/measure on a small synthetic CT slice, for SR tests and examples.
import { measure } from '../../measure/measure';
import { ProblemError } from '../../result';
import type { MeasureImage, MeasureKind, Point } from '../../measure/types';
import type { ReportMeasurement } from './measurementGroups';

const image = {
  sopClassUid: '1.2.840.10008.5.1.4.1.1.2',
  sopInstanceUid: '2.25.111',
  seriesInstanceUid: '2.25.222',
};
const frames = {
  sopClassUid: '1.2.840.10008.5.1.4.1.1.2.1',
  sopInstanceUid: '2.25.666',
  seriesInstanceUid: '2.25.222',
};

export function sampleMeasurements(): ReportMeasurement[] {
  // 16 × 16 CT, pixel (x, y) = x + 16·y − 100 HU, 0.5 mm pixels.
  const pixels: MeasureImage = {
    columns: 16,
    rows: 16,
    samplesPerPixel: 1,
    values: new Float32Array(256).map((_, i) => i - 100),
    spacingMm: [0.5, 0.5],
    modality: 'CT',
  };
  const drawn: [MeasureKind, Point[], boolean][] = [
    [
      'length',
      [
        [1, 1],
        [4, 5],
      ],
      false,
    ],
    [
      'angle',
      [
        [5, 1],
        [1, 1],
        [1, 5],
      ],
      false,
    ],
    [
      'rectangle',
      [
        [2, 2],
        [6, 5],
      ],
      false,
    ],
    [
      'ellipse',
      [
        [2, 2],
        [10, 6],
      ],
      true,
    ],
    ['probe', [[3.5, 7.5]], false],
  ];
  return drawn.map(([kind, points, multiframe], k) => {
    const r = measure(kind, points, pixels);
    if (!r.ok) throw new ProblemError(r.error.code, r.error.reason, r.error.params);
    return {
      kind,
      trackingUid: `2.25.${9000 + k}`,
      image: multiframe ? frames : image,
      ...(multiframe ? { frameNumber: 3 } : {}),
      points,
      result: r.value,
    };
  });
}
