// Convex hull of 3D lattice points (quickhull: each face keeps the points above it, and the
// farthest one replaces the faces it sees by a fan to their horizon), reduced to what IBSI
// morphology needs: volume, area and the hull's vertices. The points are integers, so every
// orientation test is exact in doubles: the many coplanar and collinear points of a voxel mesh
// need no epsilon, a face seen edge-on counts as seen (so coplanar faces merge into one fan),
// and the hull's vertices are exactly the extreme points.
import { latticeHullCandidates } from './hullCandidates';

export interface HullSummary {
  /** Volume of the scaled lattice's hull (a unit cell measures step[0] * step[1] * step[2]). */
  volume: number;
  area: number;
  /** Indices of the input points that are vertices (extreme points) of the hull. */
  vertices: number[];
  /** The hull's triangles as input point indices, counter-clockwise seen from outside. */
  faces: Int32Array;
}

/** Coordinates stay within +-2^15 so that every orientation determinant is an exact double. */
export const maxLatticeCoordinate = 32768;

/**
 * points: integer coordinates, xyz interleaved; the measured hull is the lattice scaled by step
 * along each axis. Returns null when the points span no volume (coplanar, collinear or fewer
 * than four distinct points).
 */
export function latticeConvexHull(
  points: Int32Array,
  step: readonly [number, number, number],
): HullSummary | null {
  for (let i = 0; i < points.length; i++) {
    if (Math.abs(points[i]) > maxLatticeCoordinate)
      throw new RangeError(`lattice coordinate ${points[i]} beyond ±${maxLatticeCoordinate}`);
  }
  const ids = latticeHullCandidates(points);
  const m = ids.length;
  if (m < 4) return null;
  const x = new Float64Array(m);
  const y = new Float64Array(m);
  const z = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    x[k] = points[3 * ids[k]];
    y[k] = points[3 * ids[k] + 1];
    z[k] = points[3 * ids[k] + 2];
  }
  const simplex = initialSimplex(x, y, z);
  if (!simplex) return null;
  const hull = new HullBuilder(x, y, z);
  hull.build(simplex);
  return hull.summary(ids, step);
}

/** Four points spanning a volume, or null when there are none. */
function initialSimplex(x: Float64Array, y: Float64Array, z: Float64Array): number[] | null {
  const m = x.length;
  let a = 0;
  for (let k = 1; k < m; k++) if (x[k] < x[a]) a = k;
  let b = a;
  let best = 0;
  for (let k = 0; k < m; k++) {
    const d = (x[k] - x[a]) ** 2 + (y[k] - y[a]) ** 2 + (z[k] - z[a]) ** 2;
    if (d > best) {
      best = d;
      b = k;
    }
  }
  if (b === a) return null;
  const ux = x[b] - x[a];
  const uy = y[b] - y[a];
  const uz = z[b] - z[a];
  let c = -1;
  best = 0;
  for (let k = 0; k < m; k++) {
    const vx = x[k] - x[a];
    const vy = y[k] - y[a];
    const vz = z[k] - z[a];
    const cx = uy * vz - uz * vy;
    const cy = uz * vx - ux * vz;
    const cz = ux * vy - uy * vx;
    const s = cx * cx + cy * cy + cz * cz;
    if (s > best) {
      best = s;
      c = k;
    }
  }
  if (c < 0) return null;
  const vx = x[c] - x[a];
  const vy = y[c] - y[a];
  const vz = z[c] - z[a];
  const nx = uy * vz - uz * vy;
  const ny = uz * vx - ux * vz;
  const nz = ux * vy - uy * vx;
  let d = -1;
  best = 0;
  for (let k = 0; k < m; k++) {
    const o = Math.abs(nx * (x[k] - x[a]) + ny * (y[k] - y[a]) + nz * (z[k] - z[a]));
    if (o > best) {
      best = o;
      d = k;
    }
  }
  return d < 0 ? null : [a, b, c, d];
}

/**
 * Triangulated hull under construction. Face f has vertices v[3f..3f+2] counter-clockwise seen
 * from outside, the exact outward normal (nx, ny, nz) with offset d = n . v[3f], and across
 * its edge k (v[3f+k] -> v[3f+(k+1)%3]) the face adj[3f+k]. Points outside the hull sit in the
 * list of one face they are strictly above (head/next), with that face's farthest one in far.
 */
class HullBuilder {
  private cap = 0;
  private count = 0;
  private v = new Int32Array(0);
  private adj = new Int32Array(0);
  private normal = new Float64Array(0);
  private alive = new Uint8Array(0);
  private head = new Int32Array(0);
  private far = new Int32Array(0);
  private farDist = new Float64Array(0);
  /** Per face: the pass that found it visible (positive) or hidden (negative). */
  private seen = new Int32Array(0);
  private readonly next: Int32Array;
  /** Per vertex: the new face whose horizon edge starts there. */
  private readonly fanAt: Int32Array;

  constructor(
    private readonly x: Float64Array,
    private readonly y: Float64Array,
    private readonly z: Float64Array,
  ) {
    this.next = new Int32Array(x.length).fill(-1);
    this.fanAt = new Int32Array(x.length);
    this.grow(64);
  }

  private grow(cap: number): void {
    const resize = <T extends Int32Array | Float64Array | Uint8Array>(a: T, n: number): T => {
      const b = new (a.constructor as new (n: number) => T)(n);
      b.set(a);
      return b;
    };
    this.v = resize(this.v, 3 * cap);
    this.adj = resize(this.adj, 3 * cap);
    this.normal = resize(this.normal, 4 * cap);
    this.alive = resize(this.alive, cap);
    this.head = resize(this.head, cap);
    this.far = resize(this.far, cap);
    this.farDist = resize(this.farDist, cap);
    this.seen = resize(this.seen, cap);
    this.cap = cap;
  }

  private addFace(a: number, b: number, c: number): number {
    if (this.count === this.cap) this.grow(2 * this.cap);
    const f = this.count++;
    const { x, y, z } = this;
    const ux = x[b] - x[a];
    const uy = y[b] - y[a];
    const uz = z[b] - z[a];
    const vx = x[c] - x[a];
    const vy = y[c] - y[a];
    const vz = z[c] - z[a];
    const nx = uy * vz - uz * vy;
    const ny = uz * vx - ux * vz;
    const nz = ux * vy - uy * vx;
    this.v[3 * f] = a;
    this.v[3 * f + 1] = b;
    this.v[3 * f + 2] = c;
    this.normal[4 * f] = nx;
    this.normal[4 * f + 1] = ny;
    this.normal[4 * f + 2] = nz;
    this.normal[4 * f + 3] = nx * x[a] + ny * y[a] + nz * z[a];
    this.alive[f] = 1;
    this.head[f] = -1;
    this.farDist[f] = 0;
    this.seen[f] = 0;
    return f;
  }

  /** 6 x the signed volume of face f's tetrahedron with point p: > 0 when p is above f. */
  private height(f: number, p: number): number {
    const n = this.normal;
    return (
      n[4 * f] * this.x[p] + n[4 * f + 1] * this.y[p] + n[4 * f + 2] * this.z[p] - n[4 * f + 3]
    );
  }

  /** Puts p in the list of the first face in [from, to) it is strictly above; false if none. */
  private assign(p: number, from: number, to: number): boolean {
    for (let f = from; f < to; f++) {
      const h = this.height(f, p);
      if (h > 0) {
        this.next[p] = this.head[f];
        this.head[f] = p;
        if (h > this.farDist[f]) {
          this.farDist[f] = h;
          this.far[f] = p;
        }
        return true;
      }
    }
    return false;
  }

  build(simplex: readonly number[]): void {
    const [a, b, c, d] = simplex;
    const tetra = [
      [a, b, c, d],
      [a, b, d, c],
      [a, c, d, b],
      [b, c, d, a],
    ];
    for (const [p, q, r, opposite] of tetra) {
      const f = this.addFace(p, q, r);
      if (this.height(f, opposite) > 0) {
        this.count--;
        this.addFace(p, r, q);
      }
    }
    for (let f = 0; f < 4; f++) {
      for (let k = 0; k < 3; k++) this.adj[3 * f + k] = this.twin(f, k, 4);
    }
    for (let p = 0; p < this.x.length; p++) {
      if (p !== a && p !== b && p !== c && p !== d) this.assign(p, 0, 4);
    }
    const visible: number[] = [];
    const horizon: number[] = []; // (face, edge) pairs on the hidden side
    for (let f = 0, pass = 1; f < this.count; f++) {
      if (!this.alive[f] || this.head[f] < 0) continue;
      this.addPoint(this.far[f], f, pass++, visible, horizon);
    }
  }

  /** The face in [0, count) other than f that has face f's edge k reversed. */
  private twin(f: number, k: number, count: number): number {
    const from = this.v[3 * f + k];
    const to = this.v[3 * f + ((k + 1) % 3)];
    for (let g = 0; g < count; g++) {
      for (let e = 0; e < 3; e++) {
        if (this.v[3 * g + e] === to && this.v[3 * g + ((e + 1) % 3)] === from) return g;
      }
    }
    throw new Error('convex hull: open edge');
  }

  private addPoint(p: number, start: number, pass: number, visible: number[], horizon: number[]) {
    // Faces p sees (height >= 0: an edge-on face counts, so coplanar faces are replaced and no
    // fan triangle is flat), found from start across edges; the horizon is where they meet hidden
    // faces.
    visible.length = 0;
    horizon.length = 0;
    visible.push(start);
    this.seen[start] = pass;
    for (let i = 0; i < visible.length; i++) {
      const f = visible[i];
      for (let k = 0; k < 3; k++) {
        const g = this.adj[3 * f + k];
        if (this.seen[g] === pass) continue;
        if (this.seen[g] !== -pass && this.height(g, p) >= 0) {
          this.seen[g] = pass;
          visible.push(g);
        } else {
          this.seen[g] = -pass;
          horizon.push(f, k);
        }
      }
    }
    // A fan of new faces (a, b, p) over the horizon edges a -> b.
    const first = this.count;
    for (let i = 0; i < horizon.length; i += 2) {
      const f = horizon[i];
      const k = horizon[i + 1];
      const a = this.v[3 * f + k];
      const b = this.v[3 * f + ((k + 1) % 3)];
      const g = this.adj[3 * f + k];
      const nf = this.addFace(a, b, p);
      this.adj[3 * nf] = g;
      for (let e = 0; e < 3; e++) if (this.adj[3 * g + e] === f) this.adj[3 * g + e] = nf;
      this.fanAt[a] = nf;
    }
    const last = this.count;
    for (let nf = first; nf < last; nf++) {
      const g = this.fanAt[this.v[3 * nf + 1]];
      this.adj[3 * nf + 1] = g;
      this.adj[3 * g + 2] = nf;
    }
    // The points above the replaced faces go to the new faces they are above, or are inside.
    for (const f of visible) {
      this.alive[f] = 0;
      for (let q = this.head[f]; q >= 0;) {
        const after = this.next[q];
        if (q !== p) this.assign(q, first, last);
        q = after;
      }
      this.head[f] = -1;
    }
  }

  summary(ids: Int32Array, step: readonly [number, number, number]): HullSummary {
    const [sx, sy, sz] = step;
    const { x, y, z, v, normal: n } = this;
    // Any point of the hull works as the apex of the volume's tetrahedra; with a vertex every
    // term (and so the sum) is an exact integer.
    const o = v[0];
    let volume6 = 0;
    let area = 0;
    const isVertex = new Uint8Array(x.length);
    const faces: number[] = [];
    for (let f = 0; f < this.count; f++) {
      if (!this.alive[f]) continue;
      faces.push(ids[v[3 * f]], ids[v[3 * f + 1]], ids[v[3 * f + 2]]);
      const nx = n[4 * f];
      const ny = n[4 * f + 1];
      const nz = n[4 * f + 2];
      volume6 += n[4 * f + 3] - (nx * x[o] + ny * y[o] + nz * z[o]);
      // The scaled cross product is (nx sy sz, ny sx sz, nz sx sy).
      area += Math.sqrt((nx * sy * sz) ** 2 + (ny * sx * sz) ** 2 + (nz * sx * sy) ** 2) / 2;
      isVertex[v[3 * f]] = isVertex[v[3 * f + 1]] = isVertex[v[3 * f + 2]] = 1;
    }
    const vertices: number[] = [];
    for (let k = 0; k < x.length; k++) if (isVertex[k]) vertices.push(ids[k]);
    return { volume: (volume6 / 6) * sx * sy * sz, area, vertices, faces: Int32Array.from(faces) };
  }
}
