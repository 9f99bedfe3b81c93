import { describe, expect, it } from 'vitest';
import { latticeConvexHull, type HullSummary } from './convexHull';
import { latticeHullCandidates } from './hullCandidates';

const unit: [number, number, number] = [1, 1, 1];

/** A deterministic pseudo-random integer in [0, n). */
function lcg(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return Math.floor((s / 4294967296) * n);
  };
}

/**
 * Checks, by brute force, that the hull's faces are a closed surface (every edge once each
 * way), that every input point is on or below every face's plane (convex, nothing outside),
 * that every vertex is extreme (its faces' normals span 3D), and that volume and area match
 * the faces.
 */
function expectValidHull(points: Int32Array, h: HullSummary): void {
  const p = (i: number): number[] => [points[3 * i], points[3 * i + 1], points[3 * i + 2]];
  const sub = (a: number[], b: number[]): number[] => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
  const cross = (u: number[], v: number[]): number[] => [
    u[1] * v[2] - u[2] * v[1],
    u[2] * v[0] - u[0] * v[2],
    u[0] * v[1] - u[1] * v[0],
  ];
  const dot = (u: number[], v: number[]): number => u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
  const edges = new Map<string, number>();
  const normalsAt = new Map<number, number[][]>();
  let volume6 = 0;
  let area = 0;
  let outside = 0;
  const o = p(h.faces[0]);
  for (let f = 0; f < h.faces.length; f += 3) {
    const [a, b, c] = [h.faces[f], h.faces[f + 1], h.faces[f + 2]];
    for (const [u, v] of [
      [a, b],
      [b, c],
      [c, a],
    ]) {
      const key = `${u},${v}`;
      edges.set(key, (edges.get(key) ?? 0) + 1);
    }
    const n = cross(sub(p(b), p(a)), sub(p(c), p(a)));
    expect(dot(n, n)).toBeGreaterThan(0);
    for (let i = 0; i < points.length / 3; i++) if (dot(n, sub(p(i), p(a))) > 0) outside++;
    for (const v of [a, b, c]) normalsAt.set(v, [...(normalsAt.get(v) ?? []), n]);
    volume6 += dot(n, sub(p(a), o));
    area += Math.sqrt(dot(n, n)) / 2;
  }
  expect(outside).toBe(0);
  for (const [key, count] of edges) {
    const [u, v] = key.split(',');
    expect(count).toBe(1);
    expect(edges.get(`${v},${u}`)).toBe(1);
  }
  expect([...normalsAt.keys()].sort((x, y) => x - y)).toEqual(
    [...h.vertices].sort((x, y) => x - y),
  );
  for (const normals of normalsAt.values()) {
    let spans = false;
    for (let i = 0; i < normals.length && !spans; i++)
      for (let j = i + 1; j < normals.length && !spans; j++)
        for (let k = j + 1; k < normals.length && !spans; k++)
          spans = dot(normals[i], cross(normals[j], normals[k])) !== 0;
    expect(spans).toBe(true);
  }
  expect(h.volume).toBeCloseTo(volume6 / 6, 9);
  expect(h.area).toBeCloseTo(area, 9);
}

/** All lattice points of the box [0, a] x [0, b] x [0, c]. */
function lattice(a: number, b: number, c: number): Int32Array {
  const out: number[] = [];
  for (let z = 0; z <= c; z++)
    for (let y = 0; y <= b; y++) for (let x = 0; x <= a; x++) out.push(x, y, z);
  return Int32Array.from(out);
}

describe('lattice convex hull', () => {
  it('of a full 6x6x6 cube lattice (343 points, all on planes and lines) is the cube, 8 vertices', () => {
    const pts = lattice(6, 6, 6);
    const h = latticeConvexHull(pts, unit);
    expect(h).not.toBeNull();
    if (!h) return;
    expect(h.volume).toBe(216);
    expect(h.area).toBeCloseTo(216, 12);
    expect(h.vertices.length).toBe(8);
    expect(h.faces.length / 3).toBe(12);
    expectValidHull(pts, h);
  });

  it('scales a box by its step: 4 x 3 x 2 cells of 0.5 x 2 x 1.25 mm', () => {
    const h = latticeConvexHull(lattice(4, 3, 2), [0.5, 2, 1.25]);
    expect(h?.volume).toBeCloseTo(2 * 6 * 2.5, 12);
    expect(h?.area).toBeCloseTo(2 * (2 * 6 + 2 * 2.5 + 6 * 2.5), 12);
  });

  it('of a regular octahedron has volume 4/3 and area 4 sqrt 3', () => {
    const h = latticeConvexHull(
      Int32Array.from([1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1]),
      unit,
    );
    expect(h?.volume).toBeCloseTo(4 / 3, 12);
    expect(h?.area).toBeCloseTo(4 * Math.sqrt(3), 12);
  });

  it('keeps only extreme points of a cube with points on its faces, edges and inside, and repeats', () => {
    const pts: number[] = [];
    for (let c = 0; c < 8; c++) pts.push(4 * (c & 1), 4 * ((c >> 1) & 1), 4 * ((c >> 2) & 1));
    pts.push(2, 2, 2, 2, 2, 0, 1, 3, 4, 2, 0, 0, 4, 2, 4, 1, 1, 1, 0, 0, 0, 4, 4, 4);
    const h = latticeConvexHull(Int32Array.from(pts), unit);
    expect(h?.volume).toBe(64);
    expect(h?.vertices.length).toBe(8);
    if (h) expectValidHull(Int32Array.from(pts), h);
  });

  it('handles many coplanar points: a dense square grid with one apex above (a pyramid)', () => {
    const grid = lattice(20, 20, 0);
    const pts = Int32Array.from([...grid, 7, 13, 9]);
    const h = latticeConvexHull(pts, unit);
    expect(h?.volume).toBeCloseTo((400 * 9) / 3, 9);
    expect(h?.vertices.length).toBe(5);
    if (h) expectValidHull(pts, h);
  });

  it('gives null for flat and line-like point sets, and for too few points', () => {
    expect(latticeConvexHull(lattice(5, 7, 0), unit)).toBeNull();
    expect(
      latticeConvexHull(Int32Array.from([0, 0, 0, 1, 1, 1, 2, 2, 2, 5, 5, 5, 3, 3, 3]), unit),
    ).toBeNull();
    expect(
      latticeConvexHull(Int32Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), unit),
    ).toBeNull();
    expect(latticeConvexHull(Int32Array.from([0, 0, 0, 1, 0, 0, 0, 1, 0]), unit)).toBeNull();
    // A tilted plane (x + 2y - z = 0) full of points is flat too.
    const tilted: number[] = [];
    for (let y = 0; y < 6; y++) for (let x = 0; x < 6; x++) tilted.push(x, y, x + 2 * y);
    expect(latticeConvexHull(Int32Array.from(tilted), unit)).toBeNull();
  });

  it('is a valid hull of random point sets, small boxes (many ties) and large ones', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rnd = lcg(seed);
      const size = seed % 2 ? 4 : 1000;
      const n = 5 + rnd(60);
      const pts = new Int32Array(3 * n);
      for (let i = 0; i < pts.length; i++) pts[i] = rnd(size) - (size >> 1);
      const h = latticeConvexHull(pts, unit);
      expect(h).not.toBeNull();
      if (h) expectValidHull(pts, h);
    }
  });

  it('of random points on a sphere keeps every point as a vertex', () => {
    const pts: number[] = [];
    for (let x = -9; x <= 9; x++)
      for (let y = -9; y <= 9; y++)
        for (let z = -9; z <= 9; z++) if (x * x + y * y + z * z === 81) pts.push(x, y, z);
    const h = latticeConvexHull(Int32Array.from(pts), unit);
    expect(h?.vertices.length).toBe(pts.length / 3);
    if (h) expectValidHull(Int32Array.from(pts), h);
  });

  it('refuses coordinates whose orientation determinants would not be exact', () => {
    expect(() => latticeConvexHull(Int32Array.from([0, 0, 0, 40000, 0, 0]), unit)).toThrow(
      RangeError,
    );
  });
});

describe('lattice hull candidates', () => {
  it('keep only the ends of every axis-parallel line through the points', () => {
    // A 3x3x3 block: only its 8 corners are ends of all three of their lines.
    const ids = latticeHullCandidates(lattice(2, 2, 2));
    expect(ids.length).toBe(8);
    // A single row: only its two ends.
    expect([
      ...latticeHullCandidates(Int32Array.from([0, 0, 0, 1, 0, 0, 2, 0, 0, 3, 0, 0])),
    ]).toEqual([0, 3]);
  });
});
