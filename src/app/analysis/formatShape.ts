import type { TFunction } from 'i18next';
import type { RoiShape } from '../../core/analysis/roi/shapes.ts';

/** A ROI shape in words and image pixels, as the ROI list shows it. */
export function formatShape(s: RoiShape, t: TFunction): string {
  switch (s.kind) {
    case 'whole':
      return t('analysis:shape.whole');
    case 'rectangle':
      return t('analysis:shape.rectangle', { x: s.x, y: s.y, width: s.width, height: s.height });
    case 'ellipse':
      return t('analysis:shape.ellipse', { cx: s.cx, cy: s.cy, rx: s.rx, ry: s.ry });
    case 'polygon':
      return t('analysis:shape.polygon', { count: s.points.length });
    case 'mask': {
      let pixels = 0;
      for (let k = 1; k < s.runs.length; k += 2) pixels += s.runs[k];
      return t('analysis:shape.mask', { pixels });
    }
  }
}
