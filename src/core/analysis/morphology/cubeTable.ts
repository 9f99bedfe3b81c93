// Marching cubes triangulation of all 256 corner configurations of a binary mask at iso-level
// 0.5, derived rather than transcribed: on each cube face the cut edges are joined so that
// diagonal inside corners stay separate, the face segments chain into closed loops, and each
// loop is fanned into triangles. Neighbouring cubes share faces, so they agree on every face
// segment and the mesh is closed. Loops are oriented consistently (inside on one side).

/** Corner c sits at (c & 1, (c >> 1) & 1, (c >> 2) & 1). */
const cornerBits = (c: number): [number, number, number] => [c & 1, (c >> 1) & 1, (c >> 2) & 1];

/** The 12 cube edges as corner pairs (corners differing in one bit). */
export const cubeEdges: readonly (readonly [number, number])[] = (() => {
  const out: [number, number][] = [];
  for (let a = 0; a < 8; a++) for (const bit of [1, 2, 4]) if (!(a & bit)) out.push([a, a | bit]);
  return out;
})();

function edgeIndex(a: number, b: number): number {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  return cubeEdges.findIndex(([p, q]) => p === lo && q === hi);
}

/**
 * The six faces, each as four corners counter-clockwise seen from outside the cube (so the
 * right-hand normal points outwards).
 */
const faces: readonly (readonly number[])[] = [
  [0, 4, 6, 2], // x = 0
  [1, 3, 7, 5], // x = 1
  [0, 1, 5, 4], // y = 0
  [2, 6, 7, 3], // y = 1
  [0, 2, 3, 1], // z = 0
  [4, 5, 7, 6], // z = 1
];

function triangulate(config: number): number[] {
  const inside = (c: number): boolean => ((config >> c) & 1) === 1;
  // next[e] = the cut edge reached from cut edge e through one face segment.
  const next = new Map<number, number>();
  for (const f of faces) {
    for (let k = 0; k < 4; k++) {
      const a = f[k];
      const b = f[(k + 1) % 4];
      if (inside(a) || !inside(b)) continue;
      // Edge a -> b enters the inside; the run of inside corners ends at the next exit.
      let j = (k + 1) % 4;
      while (inside(f[(j + 1) % 4])) j = (j + 1) % 4;
      next.set(edgeIndex(a, b), edgeIndex(f[j], f[(j + 1) % 4]));
    }
  }
  const triangles: number[] = [];
  const used = new Set<number>();
  for (const start of next.keys()) {
    if (used.has(start)) continue;
    const loop: number[] = [];
    for (let e = start; !used.has(e); e = next.get(e) as number) {
      used.add(e);
      loop.push(e);
    }
    triangles.push(...bulgingFan(loop, config));
  }
  return triangles;
}

/**
 * Fan triangulation of a loop, from the start vertex that puts the surface farthest from the
 * inside corners (the fan that encloses the most inside volume): where a loop is not planar,
 * this follows the rounded surface the inside corners imply.
 */
function bulgingFan(loop: readonly number[], config: number): number[] {
  if (loop.length === 3) return [...loop];
  const centre = [0, 0, 0];
  let n = 0;
  for (let c = 0; c < 8; c++) {
    if (!((config >> c) & 1)) continue;
    const b = cornerBits(c);
    for (let k = 0; k < 3; k++) centre[k] += b[k];
    n++;
  }
  for (let k = 0; k < 3; k++) centre[k] /= n;
  let best: number[] = [];
  let bestVolume = -Infinity;
  for (let s = 0; s < loop.length; s++) {
    const tris: number[] = [];
    let volume = 0;
    for (let k = 1; k + 1 < loop.length; k++) {
      const t = [loop[s], loop[(s + k) % loop.length], loop[(s + k + 1) % loop.length]];
      tris.push(...t);
      const [a, b, c] = t.map((e) => edgeMidpoint(e).map((v, i) => v - centre[i]));
      volume +=
        a[0] * (b[1] * c[2] - b[2] * c[1]) -
        a[1] * (b[0] * c[2] - b[2] * c[0]) +
        a[2] * (b[0] * c[1] - b[1] * c[0]);
    }
    if (Math.abs(volume) > bestVolume + 1e-12) {
      bestVolume = Math.abs(volume);
      best = tris;
    }
  }
  return best;
}

let table: number[][] | null = null;

/** Triangles (as triples of edge indices) for each of the 256 configurations. */
export function cubeTriangles(): number[][] {
  if (!table) table = Array.from({ length: 256 }, (_, c) => triangulate(c));
  return table;
}

/** Midpoint of edge e in cube-local coordinates. */
export function edgeMidpoint(e: number): [number, number, number] {
  const [a, b] = cubeEdges[e];
  const pa = cornerBits(a);
  const pb = cornerBits(b);
  return [(pa[0] + pb[0]) / 2, (pa[1] + pb[1]) / 2, (pa[2] + pb[2]) / 2];
}
