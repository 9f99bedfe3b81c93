// A forward complex FFT over a 3D grid (x fastest) whose sides have no prime factor but 2 and 3,
// in place on split real and imaginary arrays. One axis at a time, lines are gathered a batch
// at a time into a small buffer laid out [position][line] so that every butterfly runs over
// the batch in its inner loop (contiguous, whatever the axis), and transformed there by
// Stockham's self-sorting algorithm (radix 4, 2 and 3 stages; no bit reversal). Written for the
// pair sums of autocorrelationFft.ts, which need only the forward transform.
import { cosSin2Pi } from './portableTrig';

/** The smallest 2^a 3^b >= n. */
export function fftSizeAtLeast(n: number): number {
  let best = Infinity;
  for (let p2 = 1; p2 < 2 * Math.max(n, 1); p2 *= 2)
    for (let p = p2; p < best; p *= 3) if (p >= n) best = Math.min(best, p);
  return best;
}

/** Radices whose product is n (4s first, then a 2, then 3s); null if n has another factor. */
function factors(n: number): number[] | null {
  const out: number[] = [];
  let m = n;
  while (m % 4 === 0) {
    out.push(4);
    m /= 4;
  }
  if (m % 2 === 0) {
    out.push(2);
    m /= 2;
  }
  while (m % 3 === 0) {
    out.push(3);
    m /= 3;
  }
  return m === 1 ? out : null;
}

/** Lines per batch: enough for long inner loops, small enough to stay in cache. */
const batch = 32;
const sqrt3Half = Math.sqrt(3) / 2;

/**
 * The DFT of each of the c columns of x ([n][c], split re/im), by Stockham stages alternating
 * between x and y; returns which pair holds the result.
 */
function stockham(
  n: number,
  c: number,
  radices: readonly number[],
  xr: Float64Array,
  xi: Float64Array,
  yr: Float64Array,
  yi: Float64Array,
): [Float64Array, Float64Array] {
  let len = n;
  let s = 1;
  let ar = xr;
  let ai = xi;
  let br = yr;
  let bi = yi;
  for (const r of radices) {
    const m = len / r;
    for (let p = 0; p < m; p++) {
      // Twiddles e^(-2πi·jp/len) from portable arithmetic: the same bits in every engine.
      const [w1r, w1i] = cosSin2Pi(-p, len);
      const [w2r, w2i] = cosSin2Pi(-2 * p, len);
      const [w3r, w3i] = cosSin2Pi(-3 * p, len);
      for (let q = 0; q < s; q++) {
        // Inputs q + s (p + j m), outputs q + s (r p + k), each a row of c columns.
        const in0 = (q + s * p) * c;
        const inStep = s * m * c;
        const out0 = (q + s * r * p) * c;
        const outStep = s * c;
        if (r === 4) {
          for (let t = 0; t < c; t++) {
            const i0 = in0 + t;
            const a0r = ar[i0];
            const a0i = ai[i0];
            const a1r = ar[i0 + inStep];
            const a1i = ai[i0 + inStep];
            const a2r = ar[i0 + 2 * inStep];
            const a2i = ai[i0 + 2 * inStep];
            const a3r = ar[i0 + 3 * inStep];
            const a3i = ai[i0 + 3 * inStep];
            const s02r = a0r + a2r;
            const s02i = a0i + a2i;
            const d02r = a0r - a2r;
            const d02i = a0i - a2i;
            const s13r = a1r + a3r;
            const s13i = a1i + a3i;
            // -i (a1 - a3)
            const d13r = a1i - a3i;
            const d13i = a3r - a1r;
            const o = out0 + t;
            br[o] = s02r + s13r;
            bi[o] = s02i + s13i;
            const y1r = d02r + d13r;
            const y1i = d02i + d13i;
            br[o + outStep] = y1r * w1r - y1i * w1i;
            bi[o + outStep] = y1r * w1i + y1i * w1r;
            const y2r = s02r - s13r;
            const y2i = s02i - s13i;
            br[o + 2 * outStep] = y2r * w2r - y2i * w2i;
            bi[o + 2 * outStep] = y2r * w2i + y2i * w2r;
            const y3r = d02r - d13r;
            const y3i = d02i - d13i;
            br[o + 3 * outStep] = y3r * w3r - y3i * w3i;
            bi[o + 3 * outStep] = y3r * w3i + y3i * w3r;
          }
        } else if (r === 2) {
          for (let t = 0; t < c; t++) {
            const i0 = in0 + t;
            const a0r = ar[i0];
            const a0i = ai[i0];
            const a1r = ar[i0 + inStep];
            const a1i = ai[i0 + inStep];
            const o = out0 + t;
            br[o] = a0r + a1r;
            bi[o] = a0i + a1i;
            const dr = a0r - a1r;
            const di = a0i - a1i;
            br[o + outStep] = dr * w1r - di * w1i;
            bi[o + outStep] = dr * w1i + di * w1r;
          }
        } else {
          for (let t = 0; t < c; t++) {
            const i0 = in0 + t;
            const a0r = ar[i0];
            const a0i = ai[i0];
            const a1r = ar[i0 + inStep];
            const a1i = ai[i0 + inStep];
            const a2r = ar[i0 + 2 * inStep];
            const a2i = ai[i0 + 2 * inStep];
            const t1r = a1r + a2r;
            const t1i = a1i + a2i;
            // -i sqrt(3)/2 (a1 - a2)
            const t2r = sqrt3Half * (a1i - a2i);
            const t2i = -sqrt3Half * (a1r - a2r);
            const mr = a0r - t1r / 2;
            const mi = a0i - t1i / 2;
            const o = out0 + t;
            br[o] = a0r + t1r;
            bi[o] = a0i + t1i;
            const y1r = mr + t2r;
            const y1i = mi + t2i;
            br[o + outStep] = y1r * w1r - y1i * w1i;
            bi[o + outStep] = y1r * w1i + y1i * w1r;
            const y2r = mr - t2r;
            const y2i = mi - t2i;
            br[o + 2 * outStep] = y2r * w2r - y2i * w2i;
            bi[o + 2 * outStep] = y2r * w2i + y2i * w2r;
          }
        }
      }
    }
    len = m;
    s *= r;
    [ar, br] = [br, ar];
    [ai, bi] = [bi, ai];
  }
  return [ar, ai];
}

/** Elements of the largest block transformed without gathering it first. */
const maxDirectBlock = 1 << 18;

/**
 * The FFT along the middle axis of re/im viewed as [outer][n][inner] (inner contiguous), for
 * the blocks o0 .. o1 - 1. A block [n][inner] that is small enough is transformed where it
 * lies (with one scratch block); a larger one is gathered in column chunks.
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
  const radices = factors(n);
  if (!radices) throw new RangeError(`FFT size ${n} has a prime factor other than 2 and 3`);
  const blockLen = n * inner;
  const chunk = blockLen <= maxDirectBlock ? inner : Math.max(1, Math.floor(maxDirectBlock / n));
  const size = n * chunk;
  const yr = new Float64Array(size);
  const yi = new Float64Array(size);
  const xr = chunk === inner ? null : new Float64Array(size);
  const xi = chunk === inner ? null : new Float64Array(size);
  for (let o = o0; o < o1; o++) {
    const base = o * blockLen;
    if (!xr || !xi) {
      const br = re.subarray(base, base + blockLen);
      const bi = im.subarray(base, base + blockLen);
      const [rr, ri] = stockham(n, inner, radices, br, bi, yr, yi);
      if (rr !== br) {
        br.set(rr);
        bi.set(ri);
      }
      continue;
    }
    for (let t0 = 0; t0 < inner; t0 += chunk) {
      const c = Math.min(chunk, inner - t0);
      for (let j = 0; j < n; j++) {
        const from = base + j * inner + t0;
        xr.set(re.subarray(from, from + c), j * c);
        xi.set(im.subarray(from, from + c), j * c);
      }
      const [rr, ri] = stockham(n, c, radices, xr, xi, yr, yi);
      for (let j = 0; j < n; j++) {
        const to = base + j * inner + t0;
        re.set(rr.subarray(j * c, j * c + c), to);
        im.set(ri.subarray(j * c, j * c + c), to);
      }
    }
  }
}

/** The FFT along x of rows (y, z), y < ny, z < nz, gathered batch rows at a time. */
function fftRows(
  re: Float64Array,
  im: Float64Array,
  grid: readonly [number, number, number],
  ny: number,
  nz: number,
): void {
  const [lx, ly] = grid;
  if (lx === 1) return;
  const radices = factors(lx);
  if (!radices) throw new RangeError(`FFT size ${lx} has a prime factor other than 2 and 3`);
  const size = lx * batch;
  const xr = new Float64Array(size);
  const xi = new Float64Array(size);
  const yr = new Float64Array(size);
  const yi = new Float64Array(size);
  const rows: number[] = [];
  for (let z = 0; z < nz; z++) for (let y = 0; y < ny; y++) rows.push((y + ly * z) * lx);
  for (let r0 = 0; r0 < rows.length; r0 += batch) {
    const c = Math.min(batch, rows.length - r0);
    for (let t = 0; t < c; t++) {
      const from = rows[r0 + t];
      for (let j = 0; j < lx; j++) {
        xr[j * c + t] = re[from + j];
        xi[j * c + t] = im[from + j];
      }
    }
    const [rr, ri] = stockham(lx, c, radices, xr, xi, yr, yi);
    for (let t = 0; t < c; t++) {
      const to = rows[r0 + t];
      for (let j = 0; j < lx; j++) {
        re[to + j] = rr[j * c + t];
        im[to + j] = ri[j * c + t];
      }
    }
  }
}

/**
 * Forward FFT (sum of f e^{-2 pi i k.x / L}) of the grid [lx, ly, lz] in place, each side a
 * product of 2s and 3s. Only points with x < nx, y < ny and z < nz may be non-zero on input
 * (the rest is zero padding), so the x and y passes skip lines that are all zero.
 */
export function fft3d(
  re: Float64Array,
  im: Float64Array,
  grid: readonly [number, number, number],
  used: readonly [number, number, number] = grid,
): void {
  const [lx, ly, lz] = grid;
  const [, ny, nz] = used;
  fftRows(re, im, grid, ny, nz);
  fftAxis(re, im, ly, lx, 0, nz);
  fftAxis(re, im, lz, lx * ly, 0, 1);
}
