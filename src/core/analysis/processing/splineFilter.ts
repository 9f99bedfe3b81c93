// Cubic B-spline coefficients of lines of samples (Unser's recursive prefilter), so that the
// spline through the coefficients passes through the samples. Boundaries as scipy.ndimage
// filters a line padded for mode 'nearest': the padded line is mirrored half a sample beyond
// its ends. Many lines are filtered at once, `width` side by side (element j of row r at
// c[r * width + j]), so strided volume axes run with contiguous inner loops.

/** The pole of the cubic B-spline filter, sqrt(3) - 2. */
const z = Math.sqrt(3) - 2;
/** Terms of the initial sums past this index weigh below 1e-19 and are left out. */
const horizon = 34;

/** Replaces rows 0..n-1 of `c` (n rows of `width` lines) by their spline coefficients. */
export function splineFilterRows(c: Float64Array, n: number, width: number): void {
  if (n === 1) return;
  const last = (n - 1) * width;
  // Gain 6 = (1 - z)(1 - 1/z), so a constant line stays constant.
  for (let i = 0; i < n * width; i++) c[i] *= 6;
  // Causal initial value, half-sample symmetric extension:
  // c+(0) = c(0) + z / (1 - z^2n) * sum_i z^i (c(i) + z^n c(n - 1 - i)).
  const zn = Math.pow(z, n);
  const scale = z / (1 - zn * zn);
  const terms = Math.min(n, horizon);
  for (let j = 0; j < width; j++) {
    let sum = 0;
    let zi = 1;
    for (let i = 0; i < terms; i++) {
      sum += zi * (c[i * width + j] + zn * c[last - i * width + j]);
      zi *= z;
    }
    c[j] += scale * sum;
  }
  for (let r = width; r <= last; r += width) {
    for (let j = 0; j < width; j++) c[r + j] += z * c[r - width + j];
  }
  const anti = z / (z - 1);
  for (let j = 0; j < width; j++) c[last + j] *= anti;
  for (let r = last - width; r >= 0; r -= width) {
    for (let j = 0; j < width; j++) c[r + j] = z * (c[r + width + j] - c[r + j]);
  }
}

/** The same for one line (width 1), without the inner loops' overhead: the rows of x. */
export function splineFilterLine(c: Float64Array, n: number): void {
  if (n === 1) return;
  for (let i = 0; i < n; i++) c[i] *= 6;
  const zn = Math.pow(z, n);
  const terms = Math.min(n, horizon);
  let sum = 0;
  let zi = 1;
  for (let i = 0; i < terms; i++) {
    sum += zi * (c[i] + zn * c[n - 1 - i]);
    zi *= z;
  }
  c[0] += (z / (1 - zn * zn)) * sum;
  for (let i = 1; i < n; i++) c[i] += z * c[i - 1];
  c[n - 1] *= z / (z - 1);
  for (let i = n - 2; i >= 0; i--) c[i] = z * (c[i + 1] - c[i]);
}
