// One entry point: a measurement's kind and points → what it measures on the image.
import { fail, ok, type Result } from '../result';
import { angleOf, lengthOf } from './geometry';
import { probe } from './probe';
import { roiStats } from './roiStats';
import type { MeasureImage, MeasureKind, MeasureResult, Point } from './types';

const pointsNeeded: Record<MeasureKind, number> = {
  length: 2,
  angle: 3,
  ellipse: 2,
  rectangle: 2,
  probe: 1,
};

export function measure(
  kind: MeasureKind,
  points: readonly Point[],
  image: MeasureImage,
): Result<MeasureResult> {
  const need = pointsNeeded[kind];
  if (points.length !== need || points.some((p) => !p.every(Number.isFinite)))
    return fail('measure-points', `The ${kind} needs ${need} points on the image.`, {
      kind,
      points: points.length,
    });
  if (image.values.length < image.columns * image.rows * image.samplesPerPixel)
    return fail('measure-image', 'The image has fewer pixel values than its size says.', {
      columns: image.columns,
      rows: image.rows,
    });
  const s = image.spacingMm;
  switch (kind) {
    case 'length':
      return ok(lengthOf(points[0], points[1], s));
    case 'angle':
      return ok(angleOf(points[0], points[1], points[2], s));
    case 'probe':
      return ok(probe(points[0], image));
    default:
      return ok(roiStats(kind, points[0], points[1], image));
  }
}

export { pointsNeeded };
