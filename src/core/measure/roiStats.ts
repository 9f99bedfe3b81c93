// Statistics of an elliptical or rectangular ROI drawn between two corner points. A pixel is in
// the ROI when its centre is inside the shape, as for ROI analysis (core/analysis/roi/rasterise).
import { rasteriseShape } from '../analysis/roi/rasterise';
import type { RoiShape } from '../analysis/roi/shapes';
import type { MeasureImage, Point, RoiResult } from './types';

/** The shape with corners a and b: the rectangle itself, or the ellipse inscribed in it. */
export function roiShape(kind: 'ellipse' | 'rectangle', a: Point, b: Point): RoiShape {
  const x = Math.min(a[0], b[0]);
  const y = Math.min(a[1], b[1]);
  const width = Math.abs(b[0] - a[0]);
  const height = Math.abs(b[1] - a[1]);
  if (kind === 'rectangle') return { kind, x, y, width, height };
  return { kind, cx: x + width / 2, cy: y + height / 2, rx: width / 2, ry: height / 2 };
}

/** ITU-R BT.601 luma: a colour image's ROI is measured on its brightness. */
function luma(v: Float32Array, i: number): number {
  return 0.299 * v[3 * i] + 0.587 * v[3 * i + 1] + 0.114 * v[3 * i + 2];
}

export function valueUnit(image: MeasureImage): 'HU' | '' {
  return image.samplesPerPixel === 1 && image.modality.toUpperCase() === 'CT' ? 'HU' : '';
}

export function roiStats(
  kind: 'ellipse' | 'rectangle',
  a: Point,
  b: Point,
  image: MeasureImage,
): RoiResult {
  const mask = rasteriseShape(roiShape(kind, a, b), image.columns, image.rows);
  const v = image.values;
  const grey = image.samplesPerPixel === 1;
  // Two passes (mean, then squared deviations): exact enough for HU sums over whole images.
  let n = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const x = grey ? v[i] : luma(v, i);
    n++;
    sum += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const mean = n ? sum / n : NaN;
  let ss = 0;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const d = (grey ? v[i] : luma(v, i)) - mean;
    ss += d * d;
  }
  const w = Math.abs(b[0] - a[0]) * (image.spacingMm ? image.spacingMm[1] : 1);
  const h = Math.abs(b[1] - a[1]) * (image.spacingMm ? image.spacingMm[0] : 1);
  return {
    kind,
    pixels: n,
    mean,
    sd: n ? Math.sqrt(ss / n) : NaN,
    min: n ? min : NaN,
    max: n ? max : NaN,
    area: kind === 'rectangle' ? w * h : (Math.PI * w * h) / 4,
    areaUnit: image.spacingMm ? 'mm2' : 'px2',
    valueUnit: valueUnit(image),
  };
}
