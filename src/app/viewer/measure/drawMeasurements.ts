// Draws measurements on the overlay canvas through the image -> canvas affine: a dark outline
// under each coloured line so it shows on bright and dark tissue alike.
import type { MeasureKind, Point } from '../../../core/measure/types.ts';
import { roiShape } from '../../../core/measure/roiStats.ts';
import { apply, type Affine } from '../overlays/csTransform.ts';
import { traceShape } from '../overlays/drawRois.ts';

export interface MeasureDrawing {
  kind: MeasureKind;
  points: readonly Point[];
  draft?: boolean;
}

function trace(ctx: CanvasRenderingContext2D, m: Affine, d: MeasureDrawing): void {
  const [a, b, c] = d.points;
  if ((d.kind === 'ellipse' || d.kind === 'rectangle') && a && b) {
    traceShape(ctx, m, roiShape(d.kind, a, b), 0, 0);
    return;
  }
  ctx.beginPath();
  const line = (p: Point, q: Point) => {
    ctx.moveTo(...apply(m, p[0], p[1]));
    ctx.lineTo(...apply(m, q[0], q[1]));
  };
  if (d.kind === 'length' && a && b) line(a, b);
  if (d.kind === 'angle' && a && b) {
    line(a, b);
    if (c) line(b, c);
  }
  if (d.kind === 'probe' && a) {
    const [x, y] = apply(m, a[0], a[1]);
    ctx.moveTo(x - 6, y);
    ctx.lineTo(x + 6, y);
    ctx.moveTo(x, y - 6);
    ctx.lineTo(x, y + 6);
  }
}

export function drawMeasurements(
  ctx: CanvasRenderingContext2D,
  m: Affine,
  drawings: readonly MeasureDrawing[],
): void {
  ctx.save();
  for (const d of drawings) {
    ctx.setLineDash(d.draft ? [4, 3] : []);
    trace(ctx, m, d);
    ctx.lineWidth = 3.5;
    ctx.strokeStyle = 'rgba(0, 0, 0, 0.75)';
    ctx.stroke();
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = d.draft ? '#ffd400' : '#7cfc9a';
    ctx.stroke();
    if (d.kind === 'length' || d.kind === 'angle') {
      for (const p of d.points) {
        const [x, y] = apply(m, p[0], p[1]);
        ctx.beginPath();
        ctx.arc(x, y, 2.5, 0, 2 * Math.PI);
        ctx.fillStyle = ctx.strokeStyle;
        ctx.fill();
      }
    }
  }
  ctx.restore();
}
