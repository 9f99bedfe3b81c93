// The value of the pixel under a point: modality value (HU for CT) or RGB.
import { valueUnit } from './roiStats';
import type { MeasureImage, Point, ProbeResult } from './types';

export function probe(p: Point, image: MeasureImage): ProbeResult {
  const x = Math.floor(p[0]);
  const y = Math.floor(p[1]);
  const unit = valueUnit(image);
  if (!(x >= 0 && y >= 0 && x < image.columns && y < image.rows))
    return { kind: 'probe', pixel: null, value: null, valueUnit: unit };
  const i = y * image.columns + x;
  const v = image.values;
  const value: ProbeResult['value'] =
    image.samplesPerPixel === 1 ? v[i] : [v[3 * i], v[3 * i + 1], v[3 * i + 2]];
  return { kind: 'probe', pixel: [x, y], value, valueUnit: unit };
}
