// Whether an image point lies inside a ROI shape: a click with a ROI tool selects that ROI.
import type { RoiShape } from '../../../core/analysis/roi/shapes.ts';

export function hitShape(s: RoiShape, x: number, y: number): boolean {
  switch (s.kind) {
    case 'whole':
      return false; // covers everything: it would swallow every click
    case 'mask':
      return false; // imported from a mask file: chosen in the ROI list, not by a click
    case 'rectangle':
      return x >= s.x && x <= s.x + s.width && y >= s.y && y <= s.y + s.height;
    case 'ellipse':
      return ((x - s.cx) / s.rx) ** 2 + ((y - s.cy) / s.ry) ** 2 <= 1;
    case 'polygon': {
      let inside = false;
      const p = s.points;
      for (let i = 0, j = p.length - 1; i < p.length; j = i++) {
        const [xi, yi] = p[i];
        const [xj, yj] = p[j];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
      return inside;
    }
  }
}
