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
    case 'mask': {
      let pixels = 0;
      for (let k = 1; k < s.runs.length; k += 2) pixels += s.runs[k];
      return `Mask, ${pixels} px`;
    }
  }
}
