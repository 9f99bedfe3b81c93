import { describe, expect, it } from 'vitest';
import { shapeFromDrag } from './shapeFromDrag.ts';

describe('shapeFromDrag', () => {
  it('a rectangle dragged up and left snaps to whole pixels', () => {
    expect(
      shapeFromDrag('rectangle', [
        { x: 40.4, y: 30.6 },
        { x: 10.2, y: 5.5 },
      ]),
    ).toEqual({
      kind: 'rectangle',
      x: 10,
      y: 6,
      width: 30,
      height: 25,
    });
  });

  it('an ellipse fills the dragged box', () => {
    expect(
      shapeFromDrag('ellipse', [
        { x: 10, y: 10 },
        { x: 20, y: 16 },
      ]),
    ).toEqual({
      kind: 'ellipse',
      cx: 15,
      cy: 13,
      rx: 5,
      ry: 3,
    });
  });

  it('a click without a drag draws nothing; a freehand needs three points', () => {
    expect(
      shapeFromDrag('rectangle', [
        { x: 10, y: 10 },
        { x: 10.2, y: 10.3 },
      ]),
    ).toBeNull();
    expect(
      shapeFromDrag('polygon', [
        { x: 1, y: 1 },
        { x: 5, y: 1 },
      ]),
    ).toBeNull();
    expect(
      shapeFromDrag('polygon', [
        { x: 1, y: 1 },
        { x: 5, y: 1 },
        { x: 3, y: 4.04 },
      ]),
    ).toEqual({
      kind: 'polygon',
      points: [
        [1, 1],
        [5, 1],
        [3, 4],
      ],
    });
  });
});
