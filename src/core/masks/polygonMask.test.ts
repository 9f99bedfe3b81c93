import { describe, expect, it } from 'vitest';
import { fillPolygonsEvenOdd } from './polygonMask.ts';

function fill(polygons: number[][], columns: number, rows: number): string[] {
  const out = new Uint8Array(columns * rows);
  fillPolygonsEvenOdd(
    polygons.map((p) => Float64Array.from(p)),
    columns,
    rows,
    out,
    0,
  );
  const lines: string[] = [];
  for (let y = 0; y < rows; y++)
    lines.push(Array.from(out.subarray(y * columns, (y + 1) * columns)).join(''));
  return lines;
}

describe('fillPolygonsEvenOdd', () => {
  it('takes the voxels whose centres are inside', () => {
    // A square from 0.5 to 3.5: centres 1, 2, 3 inside on each axis.
    expect(fill([[0.5, 0.5, 3.5, 0.5, 3.5, 3.5, 0.5, 3.5]], 5, 5)).toEqual([
      '00000',
      '01110',
      '01110',
      '01110',
      '00000',
    ]);
  });

  it('a contour inside another is a hole (even-odd), in either winding', () => {
    const outer = [-0.5, -0.5, 4.5, -0.5, 4.5, 4.5, -0.5, 4.5];
    const inner = [1.5, 1.5, 1.5, 2.5, 2.5, 2.5, 2.5, 1.5];
    expect(fill([outer, inner], 5, 5)).toEqual(['11111', '11111', '11011', '11111', '11111']);
  });

  it('two polygons sharing an edge through voxel centres claim each of them once', () => {
    const left = [0, 0, 2, 0, 2, 3, 0, 3];
    const right = [2, 0, 4, 0, 4, 3, 2, 3];
    const a = fill([left], 5, 4);
    const b = fill([right], 5, 4);
    for (let y = 0; y < 4; y++)
      for (let x = 0; x < 5; x++) expect(Number(a[y][x]) + Number(b[y][x])).toBeLessThanOrEqual(1);
    // Column 2 belongs to the right polygon (half-open: left edge in, right edge out).
    expect(a[1]).toBe('11000');
    expect(b[1]).toBe('00110');
  });

  it('clips a polygon that runs past the image', () => {
    expect(fill([[-3, -3, 1.5, -3, 1.5, 1.5, -3, 1.5]], 3, 3)).toEqual(['110', '110', '000']);
  });

  it('fills a concave polygon without its notch', () => {
    // A U shape: the notch between x 1.5..2.5 above y 1.5 stays empty.
    const u = [0.5, 0.5, 3.5, 0.5, 3.5, 3.5, 2.5, 3.5, 2.5, 1.5, 1.5, 1.5, 1.5, 3.5, 0.5, 3.5];
    expect(fill([u], 5, 5)).toEqual(['00000', '01110', '01010', '01010', '00000']);
  });
});
