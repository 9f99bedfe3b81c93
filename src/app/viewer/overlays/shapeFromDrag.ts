// The ROI a drag describes, in image coordinates. Rectangle and ellipse snap to whole pixels,
// so the region is exactly what the table reports and can be reproduced elsewhere.
import type { RoiShape } from '../../../core/analysis/roi/shapes.ts';
import type { RoiTool } from '../../analysis/types.ts';

type Pt = { x: number; y: number };

export function shapeFromDrag(tool: RoiTool, points: readonly Pt[]): RoiShape | null {
  const a = points[0];
  const b = points[points.length - 1];
  if (!a || !b) return null;
  if (tool === 'polygon') {
    if (points.length < 3) return null;
    return {
      kind: 'polygon',
      points: points.map((p) => [Math.round(p.x * 10) / 10, Math.round(p.y * 10) / 10] as const),
    };
  }
  const x0 = Math.round(Math.min(a.x, b.x));
  const x1 = Math.round(Math.max(a.x, b.x));
  const y0 = Math.round(Math.min(a.y, b.y));
  const y1 = Math.round(Math.max(a.y, b.y));
  if (x1 - x0 < 1 || y1 - y0 < 1) return null;
  if (tool === 'rectangle')
    return { kind: 'rectangle', x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
  return {
    kind: 'ellipse',
    cx: (x0 + x1) / 2,
    cy: (y0 + y1) / 2,
    rx: (x1 - x0) / 2,
    ry: (y1 - y0) / 2,
  };
}
