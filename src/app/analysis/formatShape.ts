import type { RoiShape } from '../../core/analysis/roi/shapes.ts';

/** A ROI shape in words and image pixels, as the ROI list shows it. */
export function formatShape(s: RoiShape): string {
  switch (s.kind) {
    case 'whole':
      return 'Whole image';
    case 'rectangle':
      return `Rectangle x ${s.x} y ${s.y}, ${s.width} × ${s.height} px`;
    case 'ellipse':
      return `Ellipse centre ${s.cx}, ${s.cy}, radii ${s.rx} × ${s.ry} px`;
    case 'polygon':
      return `Freehand, ${s.points.length} points`;
  }
}
