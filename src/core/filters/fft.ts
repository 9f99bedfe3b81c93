// A complex FFT for any length: iterative radix-2 for powers of two, Bluestein's chirp-z
// (three power-of-two transforms) otherwise; and the transform of every line along one axis of
// an N-d array stored x fastest. Used by Gabor (2D) and the Fourier-defined Simoncelli and
// Riesz filters (3D). Unnormalised forward, 1/n on the inverse.

export function isPow2(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}

export function nextPow2(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

interface Plan {
  n: number;
  /** radix-2: bit reversal and twiddles; Bluestein: its chirp and the padded chirp's FFT. */
  rev: Uint32Array | null;
  cos: Float64Array;
  sin: Float64Array;
  blue: { m: Plan; wr: Float64Array; wi: Float64Array; br: Float64Array; bi: Float64Array } | null;
}

const plans = new Map<number, Plan>();

function plan(n: number): Plan {
  let p = plans.get(n);
  if (p) return p;
  if (isPow2(n)) {
    const rev = new Uint32Array(n);
    const bits = Math.log2(n);
    for (let i = 0; i < n; i++) {
      let r = 0;
      for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
      rev[i] = r;
    }
    const cos = new Float64Array(n / 2);
    const sin = new Float64Array(n / 2);
    for (let i = 0; i < n / 2; i++) {
      cos[i] = Math.cos((2 * Math.PI * i) / n);
      sin[i] = -Math.sin((2 * Math.PI * i) / n);
    }
    p = { n, rev, cos, sin, blue: null };
  } else {
    const m = plan(nextPow2(2 * n - 1));
    const wr = new Float64Array(n);
    const wi = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const a = (Math.PI * ((k * k) % (2 * n))) / n;
      wr[k] = Math.cos(a);
      wi[k] = -Math.sin(a);
    }
    const br = new Float64Array(m.n);
    const bi = new Float64Array(m.n);
    br[0] = wr[0];
    bi[0] = -wi[0];
    for (let k = 1; k < n; k++) {
      br[k] = br[m.n - k] = wr[k];
      bi[k] = bi[m.n - k] = -wi[k];
    }
    radix2(m, br, bi, false);
    p = {
      n,
      rev: null,
      cos: new Float64Array(0),
      sin: new Float64Array(0),
      blue: { m, wr, wi, br, bi },
    };
  }
  plans.set(n, p);
  return p;
}

function radix2(p: Plan, re: Float64Array, im: Float64Array, inverse: boolean): void {
  const { n, rev, cos, sin } = p;
  for (let i = 0; i < n; i++) {
    const j = rev![i];
    if (j > i) {
      let t = re[i];
      re[i] = re[j];
      re[j] = t;
      t = im[i];
      im[i] = im[j];
      im[j] = t;
    }
  }
  const sg = inverse ? -1 : 1;
  for (let size = 2; size <= n; size *= 2) {
    const half = size / 2;
    const step = n / size;
    for (let start = 0; start < n; start += size) {
      for (let k = 0; k < half; k++) {
        const wr = cos[k * step];
        const wi = sg * sin[k * step];
        const a = start + k;
        const b = a + half;
        const xr = re[b] * wr - im[b] * wi;
        const xi = re[b] * wi + im[b] * wr;
        re[b] = re[a] - xr;
        im[b] = im[a] - xi;
        re[a] += xr;
        im[a] += xi;
      }
    }
  }
}

function bluestein(p: Plan, re: Float64Array, im: Float64Array, inverse: boolean): void {
  const { m, wr, wi, br, bi } = p.blue!;
  const n = p.n;
  const sg = inverse ? -1 : 1;
  const ar = new Float64Array(m.n);
  const ai = new Float64Array(m.n);
  for (let k = 0; k < n; k++) {
    const cr = wr[k];
    const ci = sg * wi[k];
    ar[k] = re[k] * cr - im[k] * ci;
    ai[k] = re[k] * ci + im[k] * cr;
  }
  radix2(m, ar, ai, false);
  for (let k = 0; k < m.n; k++) {
    const bir = sg * bi[k];
    const r = ar[k] * br[k] - ai[k] * bir;
    ai[k] = ar[k] * bir + ai[k] * br[k];
    ar[k] = r;
  }
  // inverse by conjugation
  for (let k = 0; k < m.n; k++) ai[k] = -ai[k];
  radix2(m, ar, ai, false);
  const inv = 1 / m.n;
  for (let k = 0; k < n; k++) {
    const xr = ar[k] * inv;
    const xi = -ai[k] * inv;
    const cr = wr[k];
    const ci = sg * wi[k];
    re[k] = xr * cr - xi * ci;
    im[k] = xr * ci + xi * cr;
  }
}

/** In-place transform of one line; the inverse includes the 1/n. */
export function fft1d(re: Float64Array, im: Float64Array, inverse = false): void {
  const p = plan(re.length);
  if (p.n === 1) return;
  if (p.rev) radix2(p, re, im, inverse);
  else bluestein(p, re, im, inverse);
  if (inverse) {
    const inv = 1 / p.n;
    for (let i = 0; i < p.n; i++) {
      re[i] *= inv;
      im[i] *= inv;
    }
  }
}

/** In-place transform along every axis of an array with the given sizes (x fastest). */
export function fftNd(
  re: Float64Array,
  im: Float64Array,
  size: readonly number[],
  inverse = false,
): void {
  let stride = 1;
  for (let a = 0; a < size.length; a++) {
    const n = size[a];
    if (n > 1) {
      const lr = new Float64Array(n);
      const li = new Float64Array(n);
      const block = stride * n;
      for (let base = 0; base < re.length; base += block)
        for (let s = 0; s < stride; s++) {
          const o = base + s;
          for (let i = 0; i < n; i++) {
            lr[i] = re[o + i * stride];
            li[i] = im[o + i * stride];
          }
          fft1d(lr, li, inverse);
          for (let i = 0; i < n; i++) {
            re[o + i * stride] = lr[i];
            im[o + i * stride] = li[i];
          }
        }
    }
    stride *= n;
  }
}

/** Signed frequency index of bin k of n (numpy's fftfreq times n). */
export function freqIndex(k: number, n: number): number {
  return k < (n + 1) >> 1 ? k : k - n;
}
