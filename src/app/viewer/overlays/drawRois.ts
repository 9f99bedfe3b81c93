// Draws ROI outlines on the overlay canvas, mapping image coordinates with the viewer's affine.
import type { RoiShape } from '../../../core/analysis/roi/shapes.ts';
import { apply, type Affine } from './csTransform.ts';

export function traceShape(
  ctx: CanvasRenderingContext2D,
  m: Affine,
  shape: RoiShape,
  w: number,
  h: number,
): void {
  ctx.beginPath();
  if (shape.kind === 'mask') {
    traceRuns(ctx, m, shape.runs, w);
    return;
  }
  const pts: [number, number][] = [];
  if (shape.kind === 'whole') pts.push([0, 0], [w, 0], [w, h], [0, h]);
  else if (shape.kind === 'rectangle') {
    const { x, y, width, height } = shape;
    pts.push([x, y], [x + width, y], [x + width, y + height], [x, y + height]);
  } else if (shape.kind === 'polygon')
    pts.push(...shape.points.map(([x, y]) => [x, y] as [number, number]));
  else {
    // 64 segments draw an ellipse smoothly at any zoom a reader uses.
    for (let k = 0; k < 64; k++) {
      const t = (k / 64) * 2 * Math.PI;
      pts.push([shape.cx + shape.rx * Math.cos(t), shape.cy + shape.ry * Math.sin(t)]);
    }
  }
  pts.forEach(([x, y], k) => {
    const [cx, cy] = apply(m, x, y);
    if (k === 0) ctx.moveTo(cx, cy);
    else ctx.lineTo(cx, cy);
  });
  ctx.closePath();
}

/** A mask's pixels as one path of row runs (each run a one-pixel-high box). */
function traceRuns(ctx: CanvasRenderingContext2D, m: Affine, runs: readonly number[], w: number) {
  for (let k = 0; k + 1 < runs.length; k += 2) {
    const y = Math.floor(runs[k] / w);
    const x0 = runs[k] - y * w;
    const x1 = x0 + runs[k + 1];
    const corners: [number, number][] = [
      [x0, y],
      [x1, y],
      [x1, y + 1],
      [x0, y + 1],
    ];
    corners.forEach(([x, yy], i) => {
      const [cx, cy] = apply(m, x, yy);
      if (i === 0) ctx.moveTo(cx, cy);
      else ctx.lineTo(cx, cy);
    });
    ctx.closePath();
  }
}

export interface RoiDrawing {
  shape: RoiShape;
  selected: boolean;
  draft?: boolean;
  /** A structure's own colour (unselected); drawn ROIs are blue. */
  colour?: string;
}

export function drawRois(
  ctx: CanvasRenderingContext2D,
  m: Affine,
  rois: readonly RoiDrawing[],
  w: number,
  h: number,
): void {
  ctx.save();
  ctx.lineWidth = 1.5;
  for (const r of rois) {
    ctx.setLineDash(r.draft ? [4, 3] : []);
    ctx.strokeStyle = r.selected || r.draft ? '#ffd400' : (r.colour ?? '#3ec6ff');
    traceShape(ctx, m, r.shape, w, h);
    if (r.shape.kind === 'mask') {
      // A mask is its pixels, filled lightly so the image shows through.
      ctx.globalAlpha = 0.35;
      ctx.fillStyle = ctx.strokeStyle;
      ctx.fill();
      ctx.globalAlpha = 1;
    } else ctx.stroke();
  }
  ctx.restore();
}
