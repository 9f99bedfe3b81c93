// Kernels as sklearn.svm.SVC defines them: linear x·z, and RBF exp(-gamma ‖x − z‖²) with
// gamma 'scale' = 1 / (features × variance of all training values).
import type { Matrix } from './matrix.ts';

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
