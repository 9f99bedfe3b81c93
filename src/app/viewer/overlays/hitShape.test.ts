import { describe, expect, it } from 'vitest';
import { hitShape } from './hitShape.ts';

describe('hitShape', () => {
  it('finds points inside rectangles, ellipses and polygons', () => {
    expect(hitShape({ kind: 'rectangle', x: 10, y: 10, width: 5, height: 5 }, 12, 14)).toBe(true);
    expect(hitShape({ kind: 'rectangle', x: 10, y: 10, width: 5, height: 5 }, 16, 14)).toBe(false);
    expect(hitShape({ kind: 'ellipse', cx: 0, cy: 0, rx: 4, ry: 2 }, 3, 0.5)).toBe(true);
    expect(hitShape({ kind: 'ellipse', cx: 0, cy: 0, rx: 4, ry: 2 }, 3, 1.9)).toBe(false);
    const tri = {
      kind: 'polygon',
      points: [
        [0, 0],
        [10, 0],
        [0, 10],
      ],
    } as const;
    expect(hitShape(tri, 2, 2)).toBe(true);
    expect(hitShape(tri, 8, 8)).toBe(false);
    expect(hitShape({ kind: 'whole' }, 1, 1)).toBe(false);
  });
});
