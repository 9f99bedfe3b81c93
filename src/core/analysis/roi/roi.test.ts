import { describe, expect, it } from 'vitest';
import { rasteriseShape } from './rasterise';
import { roiStackMask } from './roiStack';

const count = (m: Uint8Array): number => m.reduce((a, b) => a + b, 0);

function rows(m: Uint8Array, w: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < m.length; i += w) out.push([...m.subarray(i, i + w)].join(''));
  return out;
}

describe('ROI rasterisation (pixel-centre inclusion)', () => {
  it('fills a rectangle of whole pixels, also when drawn with negative size', () => {
    const m = rasteriseShape({ kind: 'rectangle', x: 1, y: 1, width: 3, height: 2 }, 5, 4);
    expect(rows(m, 5)).toEqual(['00000', '01110', '01110', '00000']);
    const n = rasteriseShape({ kind: 'rectangle', x: 4, y: 3, width: -3, height: -2 }, 5, 4);
    expect([...n]).toEqual([...m]);
  });

  it('includes a pixel only when its centre is inside a fractional rectangle', () => {
    // x from 0.6 to 2.4: centres 1.5 inside, 0.5 and 2.5 outside.
    const m = rasteriseShape({ kind: 'rectangle', x: 0.6, y: 0, width: 1.8, height: 1 }, 4, 1);
    expect([...m]).toEqual([0, 1, 0, 0]);
  });

  it('covers about pi r^2 pixels for a circle and is symmetric', () => {
    const m = rasteriseShape({ kind: 'ellipse', cx: 50, cy: 50, rx: 20, ry: 20 }, 100, 100);
    expect(Math.abs(count(m) - Math.PI * 400)).toBeLessThan(40);
    expect(m[50 * 100 + 30]).toBe(1); // centre 30.5 is 19.5 from the centre
    expect(m[50 * 100 + 29]).toBe(0); // 20.5 away
  });

  it('fills a square polygon exactly like the same rectangle', () => {
    const p = rasteriseShape(
      {
        kind: 'polygon',
        points: [
          [1, 1],
          [4, 1],
          [4, 3],
          [1, 3],
        ],
      },
      5,
      4,
    );
    const r = rasteriseShape({ kind: 'rectangle', x: 1, y: 1, width: 3, height: 2 }, 5, 4);
    expect([...p]).toEqual([...r]);
  });

  it('fills a concave L-shaped freehand polygon', () => {
    const m = rasteriseShape(
      {
        kind: 'polygon',
        points: [
          [0, 0],
          [2, 0],
          [2, 2],
          [4, 2],
          [4, 4],
          [0, 4],
        ],
      },
      4,
      4,
    );
    expect(rows(m, 4)).toEqual(['1100', '1100', '1111', '1111']);
  });

  it('covers the whole image', () => {
    expect(count(rasteriseShape({ kind: 'whole' }, 7, 3))).toBe(21);
  });
});

describe('ROI stack', () => {
  it('places each slice shape in its plane and leaves other slices empty', () => {
    const m = roiStackMask(
      [
        { z: 0, shape: { kind: 'rectangle', x: 0, y: 0, width: 2, height: 1 } },
        { z: 2, shape: { kind: 'whole' } },
      ],
      [3, 2, 3],
    );
    expect([...m]).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
  });
});
