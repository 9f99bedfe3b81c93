// A forward complex FFT over a 3D grid with power-of-two sides (x fastest), in place on split
// real and imaginary arrays: radix-2, one axis at a time; along y and z each butterfly runs over
// whole rows or planes at once, so the inner loops read memory contiguously. Written for the
// pair sums of autocorrelationFft.ts, which need only the forward transform.

/** The smallest power of two >= n. */
export function powerOfTwoAtLeast(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

interface Plan {
  rev: Int32Array;
  /** cos and -sin of 2 pi k / n for k < n / 2. */
  cos: Float64Array;
  sin: Float64Array;
}

const plans = new Map<number, Plan>();

function plan(n: number): Plan {
  let p = plans.get(n);
  if (p) return p;
  const bits = Math.round(Math.log2(n));
  const rev = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let r = 0;
    for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
    rev[i] = r;
  }
  const cos = new Float64Array(Math.max(1, n / 2));
  const sin = new Float64Array(Math.max(1, n / 2));
  for (let k = 0; k < n / 2; k++) {
    cos[k] = Math.cos((2 * Math.PI * k) / n);
    sin[k] = -Math.sin((2 * Math.PI * k) / n);
  }
  p = { rev, cos, sin };
  plans.set(n, p);
  return p;
}

/**
 * The FFT along the middle axis of re/im viewed as [outer][n][inner] (inner contiguous), for
 * the blocks outer = o0 .. o1 - 1 only (the caller skips blocks it knows are zero).
 */
function fftAxis(
  re: Float64Array,
  im: Float64Array,
  n: number,
  inner: number,
  o0: number,
  o1: number,
): void {
  if (n === 1) return;
  if (inner === 1) {
    for (let o = o0; o < o1; o++) fftLine(re, im, o * n, n);
    return;
  }
  const { rev, cos, sin } = plan(n);
  const blockLen = n * inner;
  for (let o = o0; o < o1; o++) {
    const base = o * blockLen;
    for (let i = 0; i < n; i++) {
      const j = rev[i];
      if (j <= i) continue;
      const a = base + i * inner;
      const b = base + j * inner;
      for (let t = 0; t < inner; t++) {
        const r = re[a + t];
        re[a + t] = re[b + t];
        re[b + t] = r;
        const m = im[a + t];
        im[a + t] = im[b + t];
        im[b + t] = m;
      }
    }
    for (let size = 2; size <= n; size *= 2) {
      const half = size / 2;
      const step = n / size;
      for (let start = 0; start < n; start += size) {
        for (let k = 0; k < half; k++) {
          const wr = cos[k * step];
          const wi = sin[k * step];
          const a = base + (start + k) * inner;
          const b = a + half * inner;
          for (let t = 0; t < inner; t++) {
            const br = re[b + t];
            const bi = im[b + t];
            const xr = br * wr - bi * wi;
            const xi = br * wi + bi * wr;
            const ar = re[a + t];
            const ai = im[a + t];
            re[a + t] = ar + xr;
            im[a + t] = ai + xi;
            re[b + t] = ar - xr;
            im[b + t] = ai - xi;
          }
        }
      }
    }
  }
}

/** The FFT of the contiguous line re/im[base .. base + n - 1]: per stage, the twiddle outside and
 * the butterflies that share it inside. */
function fftLine(re: Float64Array, im: Float64Array, base: number, n: number): void {
  const { rev, cos, sin } = plan(n);
  for (let i = 0; i < n; i++) {
    const j = rev[i];
    if (j <= i) continue;
    const r = re[base + i];
    re[base + i] = re[base + j];
    re[base + j] = r;
    const m = im[base + i];
    im[base + i] = im[base + j];
    im[base + j] = m;
  }
  // Size 2: no multiplications.
  for (let a = base, end = base + n; a < end; a += 2) {
    const ar = re[a];
    const ai = im[a];
    const br = re[a + 1];
    const bi = im[a + 1];
    re[a] = ar + br;
    im[a] = ai + bi;
    re[a + 1] = ar - br;
    im[a + 1] = ai - bi;
  }
  for (let size = 4; size <= n; size *= 2) {
    const half = size / 2;
    const step = n / size;
    for (let k = 0; k < half; k++) {
      const wr = cos[k * step];
      const wi = sin[k * step];
      for (let a = base + k, end = base + n; a < end; a += size) {
        const b = a + half;
        const br = re[b];
        const bi = im[b];
        const xr = br * wr - bi * wi;
        const xi = br * wi + bi * wr;
        const ar = re[a];
        const ai = im[a];
        re[a] = ar + xr;
        im[a] = ai + xi;
        re[b] = ar - xr;
        im[b] = ai - xi;
      }
    }
  }
}

/**
 * Forward FFT (sum of f e^{-2 pi i k.x / L}) of the grid [lx, ly, lz] (powers of two) in place.
 * Only rows with y < ny and z < nz, and planes z < nz, may hold non-zero input (the rest of the
 * grid is zero padding), so the x and y passes skip the others.
 */
export function fft3d(
  re: Float64Array,
  im: Float64Array,
  grid: readonly [number, number, number],
  used: readonly [number, number, number] = grid,
): void {
  const [lx, ly, lz] = grid;
  const [, ny, nz] = used;
  // x: rows (y, z) with y < ny, z < nz.
  for (let z = 0; z < nz; z++) fftAxis(re, im, lx, 1, z * ly, z * ly + ny);
  // y: planes z < nz.
  fftAxis(re, im, ly, lx, 0, nz);
  // z: everything.
  fftAxis(re, im, lz, lx * ly, 0, 1);
}
