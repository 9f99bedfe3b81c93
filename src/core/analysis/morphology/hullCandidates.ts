// The lattice points that can be vertices of their convex hull, found without any geometry: a
// point between two others on a lattice line parallel to an axis lies on their segment, so only
// the lowest and highest point of each such line can be extreme. A point survives when it is
// an end of its x, y and z line; the hull of the survivors is the hull of all points.

/** points: integer coordinates, xyz interleaved. Returns the indices of the survivors, ascending. */
export function latticeHullCandidates(points: Int32Array): Int32Array {
  const n = points.length / 3;
  if (n === 0) return new Int32Array(0);
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    for (let q = 0; q < 3; q++) {
      const c = points[3 * i + q];
      if (c < lo[q]) lo[q] = c;
      if (c > hi[q]) hi[q] = c;
    }
  }
  const keep = new Uint8Array(n).fill(1);
  // Along axis q, a line is identified by the two other coordinates.
  for (let q = 0; q < 3; q++) {
    const r = (q + 1) % 3;
    const s = (q + 2) % 3;
    const width = hi[r] - lo[r] + 1;
    const lines = width * (hi[s] - lo[s] + 1);
    const lineLo = new Int32Array(lines).fill(0x7fffffff);
    const lineHi = new Int32Array(lines).fill(-0x80000000);
    for (let i = 0; i < n; i++) {
      const line = points[3 * i + r] - lo[r] + width * (points[3 * i + s] - lo[s]);
      const c = points[3 * i + q];
      if (c < lineLo[line]) lineLo[line] = c;
      if (c > lineHi[line]) lineHi[line] = c;
    }
    for (let i = 0; i < n; i++) {
      const line = points[3 * i + r] - lo[r] + width * (points[3 * i + s] - lo[s]);
      const c = points[3 * i + q];
      if (c !== lineLo[line] && c !== lineHi[line]) keep[i] = 0;
    }
  }
  let count = 0;
  for (let i = 0; i < n; i++) count += keep[i];
  const out = new Int32Array(count);
  for (let i = 0, k = 0; i < n; i++) if (keep[i]) out[k++] = i;
  return out;
}
