// Kernels as sklearn.svm.SVC defines them: linear x·z, and RBF exp(-gamma ‖x − z‖²) with
// gamma 'scale' = 1 / (features × variance of all training values).
import type { Matrix } from './matrix.ts';
import { dotsWorkspace } from './simd/linearWasm.ts';

export type Kernel = { readonly kind: 'linear' } | { readonly kind: 'rbf'; readonly gamma: number };

export function scaleGamma(x: Matrix): number {
  const { data } = x;
  let mean = 0;
  for (let i = 0; i < data.length; i++) mean += data[i];
  mean /= data.length;
  let v = 0;
  for (let i = 0; i < data.length; i++) v += (data[i] - mean) ** 2;
  v /= data.length;
  return v > 0 ? 1 / (x.cols * v) : 1;
}

function rowDot(a: Float64Array, ai: number, b: Float64Array, bi: number, p: number): number {
  let s = 0;
  for (let k = 0; k < p; k++) s += a[ai + k] * b[bi + k];
  return s;
}

export function squaredNorms(x: Matrix): Float64Array {
  const out = new Float64Array(x.rows);
  for (let i = 0; i < x.rows; i++) out[i] = rowDot(x.data, i * x.cols, x.data, i * x.cols, x.cols);
  return out;
}

/**
 * Dot products of rows i0..i0+3 with rows j0..j0+3 of one matrix, 16 sums in one pass over the
 * features (each value loaded once for four products), into dots[4·r + c].
 */
function tile4x4(d: Float64Array, p: number, i0: number, j0: number, dots: Float64Array): void {
  const a0 = i0 * p;
  const a1 = a0 + p;
  const a2 = a1 + p;
  const a3 = a2 + p;
  const b0 = j0 * p;
  const b1 = b0 + p;
  const b2 = b1 + p;
  const b3 = b2 + p;
  let s00 = 0,
    s01 = 0,
    s02 = 0,
    s03 = 0,
    s10 = 0,
    s11 = 0,
    s12 = 0,
    s13 = 0;
  let s20 = 0,
    s21 = 0,
    s22 = 0,
    s23 = 0,
    s30 = 0,
    s31 = 0,
    s32 = 0,
    s33 = 0;
  for (let k = 0; k < p; k++) {
    const x0 = d[a0 + k],
      x1 = d[a1 + k],
      x2 = d[a2 + k],
      x3 = d[a3 + k];
    const y0 = d[b0 + k],
      y1 = d[b1 + k],
      y2 = d[b2 + k],
      y3 = d[b3 + k];
    s00 += x0 * y0;
    s01 += x0 * y1;
    s02 += x0 * y2;
    s03 += x0 * y3;
    s10 += x1 * y0;
    s11 += x1 * y1;
    s12 += x1 * y2;
    s13 += x1 * y3;
    s20 += x2 * y0;
    s21 += x2 * y1;
    s22 += x2 * y2;
    s23 += x2 * y3;
    s30 += x3 * y0;
    s31 += x3 * y1;
    s32 += x3 * y2;
    s33 += x3 * y3;
  }
  dots[0] = s00;
  dots[1] = s01;
  dots[2] = s02;
  dots[3] = s03;
  dots[4] = s10;
  dots[5] = s11;
  dots[6] = s12;
  dots[7] = s13;
  dots[8] = s20;
  dots[9] = s21;
  dots[10] = s22;
  dots[11] = s23;
  dots[12] = s30;
  dots[13] = s31;
  dots[14] = s32;
  dots[15] = s33;
}

/**
 * The full symmetric kernel matrix of x's rows (n × n): four rows at a time against all later
 * rows in WebAssembly SIMD (simd), else 4 × 4 tiles in TypeScript; the two agree to round-off
 * (kernel.test.ts).
 */
export function gramKernel(
  kernel: Kernel,
  x: Matrix,
  out: Float32Array | Float64Array,
  simd = true,
): void {
  const { rows: n, cols: p, data } = x;
  const norms = squaredNorms(x);
  const value = (i: number, j: number, dot: number) =>
    kernel.kind === 'linear'
      ? dot
      : Math.exp(-kernel.gamma * Math.max(0, norms[i] + norms[j] - 2 * dot));
  const whole = n - (n % 4);
  const ws = simd && whole > 0 ? dotsWorkspace(x) : null;
  if (ws) {
    for (let i0 = 0; i0 < whole; i0 += 4) {
      const m = n - i0;
      const dots = ws.dots4(i0, i0, m);
      for (let r = 0; r < 4; r++) {
        const i = i0 + r;
        for (let c = r; c < m; c++) {
          const j = i0 + c;
          const k = value(i, j, dots[r * m + c]);
          out[i * n + j] = k;
          out[j * n + i] = k;
        }
      }
    }
  }
  const dots = new Float64Array(16);
  for (let i0 = 0; i0 < (ws ? 0 : whole); i0 += 4)
    for (let j0 = i0; j0 < whole; j0 += 4) {
      tile4x4(data, p, i0, j0, dots);
      for (let r = 0; r < 4; r++)
        for (let c = 0; c < 4; c++) {
          const k = value(i0 + r, j0 + c, dots[4 * r + c]);
          out[(i0 + r) * n + j0 + c] = k;
          out[(j0 + c) * n + i0 + r] = k;
        }
    }
  // The last n mod 4 rows against every row, one product at a time.
  for (let i = whole; i < n; i++)
    for (let j = 0; j <= i; j++) {
      const k = value(i, j, rowDot(data, i * p, data, j * p, p));
      out[i * n + j] = k;
      out[j * n + i] = k;
    }
}

/** K(a_i, b_j) for every pair, into out (rows of a × rows of b). */
export function kernelBlock(
  kernel: Kernel,
  a: Matrix,
  b: Matrix,
  out: Float64Array | Float32Array,
  aNorms = squaredNorms(a),
  bNorms = squaredNorms(b),
): void {
  const p = a.cols;
  const symmetric = a === b;
  for (let i = 0; i < a.rows; i++) {
    const start = symmetric ? i : 0;
    for (let j = start; j < b.rows; j++) {
      const d = rowDot(a.data, i * p, b.data, j * p, p);
      const k =
        kernel.kind === 'linear'
          ? d
          : Math.exp(-kernel.gamma * Math.max(0, aNorms[i] + bNorms[j] - 2 * d));
      out[i * b.rows + j] = k;
      if (symmetric) out[j * b.rows + i] = k;
    }
  }
}
