// Support vector classifier as sklearn.svm.SVC: the libsvm dual (smo.ts), decision value
// f(x) = Σ αᵢ yᵢ K(xᵢ, x) + intercept, positive for label 1, and probabilities by Platt scaling
// fitted on decision values of cases held out by an internal 5-fold split (as libsvm does, so
// the sigmoid is not fitted on the cases the SVM has memorised).
import { gramKernel, kernelBlock, scaleGamma, squaredNorms, type Kernel } from './kernel.ts';
import { takeRows, type Labels, type Matrix } from './matrix.ts';
import { fitPlatt, plattProbability, type Sigmoid } from './platt.ts';
import { seededRandom, shuffle } from './random.ts';
import { solveSmo } from './smo.ts';

export interface SvmOptions {
  readonly kernel: 'linear' | 'rbf';
  readonly C: number;
  /** RBF width; absent is sklearn's 'scale'. */
  readonly gamma?: number;
  readonly tolerance?: number;
  /** Fit Platt's sigmoid (5 more trainings). */
  readonly probability?: boolean;
  readonly seed?: number;
}

export interface SvmModel {
  readonly kernel: Kernel;
  readonly supportVectors: Matrix;
  /** αᵢ yᵢ per support vector. */
  readonly dualCoef: Float64Array;
  readonly intercept: number;
  readonly sigmoid: Sigmoid | null;
}

/** K restricted to the cases `rows` × `cols` (indices into the full matrix of n cases). */
function subKernel(K: Float32Array, n: number, rows: ArrayLike<number>, cols: ArrayLike<number>) {
  const out = new Float32Array(rows.length * cols.length);
  for (let r = 0; r < rows.length; r++) {
    const from = rows[r] * n;
    const to = r * cols.length;
    for (let c = 0; c < cols.length; c++) out[to + c] = K[from + cols[c]];
  }
  return out;
}

/** The dual on cases `index` of the full kernel matrix: α·y per case and the intercept. */
function solveOn(
  K: Float32Array,
  n: number,
  y: Labels,
  index: ArrayLike<number>,
  C: number,
  tol: number,
) {
  const m = index.length;
  const sign = new Int8Array(m);
  for (let k = 0; k < m; k++) sign[k] = y[index[k]] ? 1 : -1;
  const { alpha, rho } = solveSmo(m === n ? K : subKernel(K, n, index, index), sign, C, tol);
  const coef = new Float64Array(m);
  for (let k = 0; k < m; k++) coef[k] = alpha[k] * sign[k];
  return { coef, intercept: -rho };
}

export function svmDecision(
  m: Pick<SvmModel, 'kernel' | 'supportVectors' | 'dualCoef' | 'intercept'>,
  x: Matrix,
): Float64Array {
  const sv = m.supportVectors;
  const out = new Float64Array(x.rows);
  const block = new Float64Array(sv.rows);
  const one: Matrix = { rows: 1, cols: x.cols, data: new Float64Array(x.cols) };
  const svNorms = squaredNorms(sv);
  for (let i = 0; i < x.rows; i++) {
    one.data.set(x.data.subarray(i * x.cols, (i + 1) * x.cols));
    kernelBlock(m.kernel, one, sv, block, undefined, svNorms);
    let s = m.intercept;
    for (let k = 0; k < sv.rows; k++) s += m.dualCoef[k] * block[k];
    out[i] = s;
  }
  return out;
}

/** Stratified fold of each case (0..folds-1), seeded. */
function stratifiedFolds(y: Labels, folds: number, seed: number): Int32Array {
  const random = seededRandom(seed);
  const fold = new Int32Array(y.length);
  for (const cls of [0, 1]) {
    const idx: number[] = [];
    for (let i = 0; i < y.length; i++) if (y[i] === cls) idx.push(i);
    shuffle(idx, random);
    idx.forEach((i, k) => (fold[i] = k % folds));
  }
  return fold;
}

export function fitSvm(x: Matrix, y: Labels, o: SvmOptions): SvmModel {
  const kernel: Kernel =
    o.kernel === 'linear' ? { kind: 'linear' } : { kind: 'rbf', gamma: o.gamma ?? scaleGamma(x) };
  const tol = o.tolerance ?? 1e-3;
  const n = x.rows;
  // The whole kernel matrix once, in float32 as libsvm caches it; the calibration folds solve
  // on its sub-blocks instead of recomputing them.
  const K = new Float32Array(n * n);
  gramKernel(kernel, x, K);
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const full = solveOn(K, n, y, all, o.C, tol);
  const support: number[] = [];
  for (let i = 0; i < n; i++) if (full.coef[i] !== 0) support.push(i);
  const dual = {
    supportVectors: takeRows(x, support),
    dualCoef: Float64Array.from(support, (i) => full.coef[i]),
    intercept: full.intercept,
  };
  let sigmoid: Sigmoid | null = null;
  if (o.probability) {
    const folds = 5;
    const fold = stratifiedFolds(y, folds, o.seed ?? 0);
    const decision = new Float64Array(n);
    for (let f = 0; f < folds; f++) {
      const train: number[] = [];
      const test: number[] = [];
      for (let i = 0; i < n; i++) (fold[i] === f ? test : train).push(i);
      let pos = 0;
      for (const i of train) pos += y[i];
      if (pos === 0 || pos === train.length) {
        // One class only in this split: libsvm gives its side a fixed ±1.
        for (const i of test) decision[i] = pos > 0 ? 1 : -1;
        continue;
      }
      const part = solveOn(K, n, y, train, o.C, tol);
      const cross = subKernel(K, n, test, train);
      test.forEach((i, r) => {
        let v = part.intercept;
        for (let c = 0; c < train.length; c++) v += part.coef[c] * cross[r * train.length + c];
        decision[i] = v;
      });
    }
    sigmoid = fitPlatt(decision, y);
  }
  return { kernel, ...dual, sigmoid };
}

/** P(label 1): Platt's sigmoid of the decision value. */
export function svmProbability(m: SvmModel, x: Matrix): Float64Array {
  const f = svmDecision(m, x);
  if (!m.sigmoid) throw new RangeError('This SVM was trained without probability calibration.');
  const s = m.sigmoid;
  return f.map((v) => plattProbability(s, v));
}
