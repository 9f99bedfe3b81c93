// Eigenvalues of a symmetric 3x3 matrix (closed form, trigonometric), largest first.

/** m = [a00, a01, a02, a11, a12, a22]. */
export function symmetricEigenvalues3(m: readonly number[]): [number, number, number] {
  const [a, b, c, d, e, f] = m;
  const p1 = b * b + c * c + e * e;
  if (p1 === 0) {
    const v = [a, d, f].sort((x, y) => y - x);
    return [v[0], v[1], v[2]];
  }
  const q = (a + d + f) / 3;
  const p2 = (a - q) ** 2 + (d - q) ** 2 + (f - q) ** 2 + 2 * p1;
  const p = Math.sqrt(p2 / 6);
  // B = (A - qI) / p; r = det(B) / 2, clamped to [-1, 1] against rounding.
  const ba = (a - q) / p;
  const bd = (d - q) / p;
  const bf = (f - q) / p;
  const bb = b / p;
  const bc = c / p;
  const be = e / p;
  const det = ba * (bd * bf - be * be) - bb * (bb * bf - be * bc) + bc * (bb * be - bd * bc);
  const r = Math.max(-1, Math.min(1, det / 2));
  const phi = Math.acos(r) / 3;
  const l1 = q + 2 * p * Math.cos(phi);
  const l3 = q + 2 * p * Math.cos(phi + (2 * Math.PI) / 3);
  return [l1, 3 * q - l1 - l3, l3];
}
