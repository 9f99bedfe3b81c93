// Marching cubes on a binary mask at iso-level 0.5: the cube's corners and edges, and the
// standard (Lorensen) triangle table of all 256 corner configurations, generated from
// scikit-image by tools/morphology/make-cube-table.py (lorensenTable.ts), the triangulation
// IBSI's reference implementations use.
import { lorensenTriangles } from './lorensenTable';

/** Corner c sits at (c & 1, (c >> 1) & 1, (c >> 2) & 1). */
const cornerBits = (c: number): [number, number, number] => [c & 1, (c >> 1) & 1, (c >> 2) & 1];

/** The 12 cube edges as corner pairs (corners differing in one bit). */
export const cubeEdges: readonly (readonly [number, number])[] = (() => {
  const out: [number, number][] = [];
  for (let a = 0; a < 8; a++) for (const bit of [1, 2, 4]) if (!(a & bit)) out.push([a, a | bit]);
  return out;
})();

/** Triangles (as triples of edge indices, normals out of the mask) for each configuration. */
export function cubeTriangles(): readonly (readonly number[])[] {
  return lorensenTriangles;
}

/** Midpoint of edge e in cube-local coordinates. */
export function edgeMidpoint(e: number): [number, number, number] {
  const [a, b] = cubeEdges[e];
  const pa = cornerBits(a);
  const pb = cornerBits(b);
  return [(pa[0] + pb[0]) / 2, (pa[1] + pb[1]) / 2, (pa[2] + pb[2]) / 2];
}
