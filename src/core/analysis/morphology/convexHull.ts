// Convex hull of a 3D point set (incremental: each point outside the hull replaces the faces it
// sees by a fan to their horizon), reduced to what IBSI morphology needs: volume and area.

export interface HullSummary {
  volume: number;
  area: number;
  /** Indices of the input points that are hull vertices. */
  vertices: number[];
}

/** points: xyz interleaved. Returns null when the points span no volume (all coplanar). */
export function convexHull(points: Float64Array): HullSummary | null {
  const n = points.length / 3;
  if (n < 4) return null;
  const px = (i: number): number => points[3 * i];
  const py = (i: number): number => points[3 * i + 1];
  const pz = (i: number): number => points[3 * i + 2];
  let scale = 0;
  for (let i = 0; i < points.length; i++) scale = Math.max(scale, Math.abs(points[i]));
  const eps = 1e-9 * Math.max(1, scale) ** 2;

  // Oriented volume (times 6) of tetrahedron a, b, c, d: > 0 when d lies on b-a x c-a's side.
  const orient = (a: number, b: number, c: number, d: number): number => {
    const ux = px(b) - px(a);
    const uy = py(b) - py(a);
    const uz = pz(b) - pz(a);
    const vx = px(c) - px(a);
    const vy = py(c) - py(a);
    const vz = pz(c) - pz(a);
    const wx = px(d) - px(a);
    const wy = py(d) - py(a);
    const wz = pz(d) - pz(a);
    return wx * (uy * vz - uz * vy) + wy * (uz * vx - ux * vz) + wz * (ux * vy - uy * vx);
  };
  const dist2 = (a: number, b: number): number =>
    (px(a) - px(b)) ** 2 + (py(a) - py(b)) ** 2 + (pz(a) - pz(b)) ** 2;

  // A first tetrahedron from extreme points.
  let i0 = 0;
  for (let i = 1; i < n; i++) if (px(i) < px(i0)) i0 = i;
  let i1 = i0;
  for (let i = 0; i < n; i++) if (dist2(i, i0) > dist2(i1, i0)) i1 = i;
  let i2 = -1;
  let best = eps;
  for (let i = 0; i < n; i++) {
    const cx = (py(i1) - py(i0)) * (pz(i) - pz(i0)) - (pz(i1) - pz(i0)) * (py(i) - py(i0));
    const cy = (pz(i1) - pz(i0)) * (px(i) - px(i0)) - (px(i1) - px(i0)) * (pz(i) - pz(i0));
    const cz = (px(i1) - px(i0)) * (py(i) - py(i0)) - (py(i1) - py(i0)) * (px(i) - px(i0));
    const a = cx * cx + cy * cy + cz * cz;
    if (a > best) {
      best = a;
      i2 = i;
    }
  }
  if (i2 < 0) return null;
  let i3 = -1;
  best = eps;
  for (let i = 0; i < n; i++) {
    const v = Math.abs(orient(i0, i1, i2, i));
    if (v > best) {
      best = v;
      i3 = i;
    }
  }
  if (i3 < 0) return null;

  // Faces are triples (a, b, c) ordered so that the hull interior is on the negative side.
  let faces: number[] = [];
  const addFace = (a: number, b: number, c: number, inside: number): void => {
    if (orient(a, b, c, inside) > 0) faces.push(a, c, b);
    else faces.push(a, b, c);
  };
  addFace(i0, i1, i2, i3);
  addFace(i0, i1, i3, i2);
  addFace(i0, i2, i3, i1);
  addFace(i1, i2, i3, i0);

  const edgeKey = (a: number, b: number): number => a * n + b;
  for (let p = 0; p < n; p++) {
    if (p === i0 || p === i1 || p === i2 || p === i3) continue;
    const visible: number[] = [];
    for (let f = 0; f < faces.length; f += 3) {
      if (orient(faces[f], faces[f + 1], faces[f + 2], p) > eps) visible.push(f);
    }
    if (visible.length === 0) continue;
    const directed = new Set<number>();
    for (const f of visible) {
      directed.add(edgeKey(faces[f], faces[f + 1]));
      directed.add(edgeKey(faces[f + 1], faces[f + 2]));
      directed.add(edgeKey(faces[f + 2], faces[f]));
    }
    const kept: number[] = [];
    const isVisible = new Set(visible);
    for (let f = 0; f < faces.length; f += 3) {
      if (!isVisible.has(f)) kept.push(faces[f], faces[f + 1], faces[f + 2]);
    }
    // Horizon: edges of visible faces whose twin belongs to a face that stays.
    for (const f of visible) {
      for (let k = 0; k < 3; k++) {
        const a = faces[f + k];
        const b = faces[f + ((k + 1) % 3)];
        if (!directed.has(edgeKey(b, a))) kept.push(a, b, p);
      }
    }
    faces = kept;
  }

  let volume = 0;
  let area = 0;
  const used = new Set<number>();
  for (let f = 0; f < faces.length; f += 3) {
    const [a, b, c] = [faces[f], faces[f + 1], faces[f + 2]];
    used.add(a).add(b).add(c);
    volume += Math.abs(orient(a, b, c, i0)) / 6;
    const ux = px(b) - px(a);
    const uy = py(b) - py(a);
    const uz = pz(b) - pz(a);
    const vx = px(c) - px(a);
    const vy = py(c) - py(a);
    const vz = pz(c) - pz(a);
    area +=
      Math.sqrt((uy * vz - uz * vy) ** 2 + (uz * vx - ux * vz) ** 2 + (ux * vy - uy * vx) ** 2) / 2;
  }
  return { volume, area, vertices: [...used] };
}
