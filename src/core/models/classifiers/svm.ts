// Support vector classifier as sklearn.svm.SVC: the libsvm dual (smo.ts), decision value
// f(x) = Σ αᵢ yᵢ K(xᵢ, x) + intercept, positive for label 1, and probabilities by Platt scaling
// fitted on decision values of cases held out by an internal 5-fold split (as libsvm does, so
// the sigmoid is not fitted on the cases the SVM has memorised).
import { kernelBlock, scaleGamma, squaredNorms, type Kernel } from './kernel.ts';
import { takeLabels, takeRows, type Labels, type Matrix } from './matrix.ts';
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

function trainDual(x: Matrix, y: Labels, kernel: Kernel, C: number, tol: number) {
  const n = x.rows;
  const K = new Float32Array(n * n);
  kernelBlock(kernel, x, x, K);
  const sign = new Int8Array(n);
  for (let i = 0; i < n; i++) sign[i] = y[i] ? 1 : -1;
  const { alpha, rho } = solveSmo(K, sign, C, tol);
  const support: number[] = [];
  for (let i = 0; i < n; i++) if (alpha[i] > 0) support.push(i);
  const dualCoef = new Float64Array(support.length);
  support.forEach((i, k) => (dualCoef[k] = alpha[i] * sign[i]));
  return { supportVectors: takeRows(x, support), dualCoef, intercept: -rho };
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
  const dual = trainDual(x, y, kernel, o.C, tol);
  let sigmoid: Sigmoid | null = null;
  if (o.probability) {
    const folds = 5;
    const fold = stratifiedFolds(y, folds, o.seed ?? 0);
    const decision = new Float64Array(x.rows);
    for (let f = 0; f < folds; f++) {
      const train: number[] = [];
      const test: number[] = [];
      for (let i = 0; i < x.rows; i++) (fold[i] === f ? test : train).push(i);
      const yt = takeLabels(y, train);
      let pos = 0;
      for (const v of yt) pos += v;
      const part =
        pos === 0 || pos === yt.length
          ? null // one class only in this split: libsvm gives its side a fixed ±1
          : { kernel, ...trainDual(takeRows(x, train), yt, kernel, o.C, tol) };
      const dec = part ? svmDecision(part, takeRows(x, test)) : null;
      test.forEach((i, k) => (decision[i] = dec ? dec[k] : pos > 0 ? 1 : -1));
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
