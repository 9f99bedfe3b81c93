import { describe, expect, it } from 'vitest';
import { convexHull } from './convexHull';

describe('convex hull', () => {
  it('of a unit cube with interior and face points has volume 1, area 6 and 8 vertices', () => {
    const pts: number[] = [];
    for (let c = 0; c < 8; c++) pts.push(c & 1, (c >> 1) & 1, (c >> 2) & 1);
    pts.push(0.5, 0.5, 0.5, 0.5, 0.5, 0, 0.2, 0.7, 1, 0.3, 0.3, 0.3);
    const h = convexHull(Float64Array.from(pts));
    expect(h?.volume).toBeCloseTo(1, 12);
    expect(h?.area).toBeCloseTo(6, 12);
    expect(h?.vertices.length).toBe(8);
  });

  it('of a regular octahedron has volume 4/3 and area 4 sqrt 3', () => {
    const h = convexHull(
      Float64Array.from([1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1]),
    );
    expect(h?.volume).toBeCloseTo(4 / 3, 12);
    expect(h?.area).toBeCloseTo(4 * Math.sqrt(3), 12);
  });

  it('gives null for coplanar points', () => {
    expect(convexHull(Float64Array.from([0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0]))).toBeNull();
  });
});
