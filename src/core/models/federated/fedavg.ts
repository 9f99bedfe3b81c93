// Federated training without pooling. Linear models (L2 logistic regression): FedAvg (McMahan
// et al. 2017) on the pooled objective C·Σ loss + ½‖w‖², split so center k minimises
// (n/n_k)·(C·Σ_k loss + (n_k/n)·½‖w‖²) / n — each center's share of the average — with E local
// gradient steps at one common step size (1/L from the centers' curvature bounds), the
// coordinator averaging by case count. With E = 1 this is gradient descent on the pooled
// objective exactly; with E > 1 centers drift toward their own optimum, by an amount the tests
// bound. Forests: each center grows its share of the trees on its own cases; the coordinator
// concatenates them (one round).
import type { Labels, Matrix } from '../classifiers/matrix.ts';
import { sigmoid } from '../classifiers/logistic.ts';
import type { Scaler } from '../classifiers/standardize.ts';
import type { LinearParams } from './update.ts';

export interface LocalStats {
  readonly cases: number;
  readonly positives: number;
  readonly sum: Float64Array;
  readonly sumSquares: Float64Array;
}

export function localStats(x: Matrix, y: Labels): LocalStats {
  const sum = new Float64Array(x.cols);
  const sumSquares = new Float64Array(x.cols);
  let positives = 0;
  for (let i = 0; i < x.rows; i++) {
    positives += y[i];
    for (let j = 0; j < x.cols; j++) {
      const v = x.data[i * x.cols + j];
      sum[j] += v;
      sumSquares[j] += v * v;
    }
  }
  return { cases: x.rows, positives, sum, sumSquares };
}

/** The pooled StandardScaler from the centers' sums (population variance, as fitScaler). */
export function pooledScaler(
  stats: readonly { cases: number; sum: ArrayLike<number>; sumSquares: ArrayLike<number> }[],
): Scaler {
  const p = stats[0].sum.length;
  const n = stats.reduce((s, c) => s + c.cases, 0);
  const mean = new Float64Array(p);
  const scale = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let s = 0;
    let q = 0;
    for (const c of stats) {
      s += c.sum[j];
      q += c.sumSquares[j];
    }
    mean[j] = s / n;
    const variance = Math.max(0, q / n - mean[j] * mean[j]);
    const sd = Math.sqrt(variance);
    scale[j] = sd < 10 * Number.EPSILON * Math.max(1, Math.abs(mean[j])) ? 1 : sd;
  }
  return { mean, scale };
}

/**
 * An upper bound on the curvature of this center's share of the average logistic objective:
 * (C/4)·λmax(XᵀX)/n_k·(n_k/n)·(n/n_k) = (C/4)·λmax(XᵀX/n_k) (+ the ridge share, added by the
 * coordinator), λmax by power iteration on the standardized local cases (with the intercept).
 */
export function localCurvature(z: Matrix, C: number, iterations = 50): number {
  const p = z.cols + 1;
  let v = new Float64Array(p).fill(1 / Math.sqrt(p));
  let lambda = 0;
  const xv = new Float64Array(z.rows);
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < z.rows; i++) {
      let s = v[z.cols];
      for (let j = 0; j < z.cols; j++) s += z.data[i * z.cols + j] * v[j];
      xv[i] = s;
    }
    const next = new Float64Array(p);
    for (let i = 0; i < z.rows; i++) {
      for (let j = 0; j < z.cols; j++) next[j] += z.data[i * z.cols + j] * xv[i];
      next[z.cols] += xv[i];
    }
    let norm = 0;
    for (const a of next) norm += a * a;
    norm = Math.sqrt(norm);
    lambda = norm / z.rows;
    if (norm === 0) break;
    v = next.map((a) => a / norm);
  }
  return (C / 4) * lambda * 1.01; // a margin over the power iteration's estimate
}

type StepOptions = { C: number; totalCases: number; stepSize: number; steps: number };

/**
 * E gradient steps of logistic regression on this center's share,
 * (1/n_k)·C·Σ_k log-loss(tᵢ, yᵢ) + (1/n)·½‖w‖², from the global parameters.
 */
export function localLogisticSteps(
  z: Matrix,
  y: Labels,
  start: LinearParams,
  o: StepOptions,
): LinearParams {
  const { rows: n, cols: p, data } = z;
  const w = Float64Array.from(start.weights);
  let b = start.intercept;
  const g = new Float64Array(p);
  for (let s = 0; s < o.steps; s++) {
    g.fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      let t = b;
      const row = i * p;
      for (let j = 0; j < p; j++) t += data[row + j] * w[j];
      const r = sigmoid(t) - y[i];
      gb += r;
      for (let j = 0; j < p; j++) g[j] += r * data[row + j];
    }
    // This center's share of the average gradient (the ½‖w‖² term split by case count).
    for (let j = 0; j < p; j++) w[j] -= o.stepSize * ((o.C * g[j]) / n + w[j] / o.totalCases);
    b -= o.stepSize * ((o.C * gb) / n);
  }
  return { weights: Array.from(w), intercept: b };
}

/** The case-weighted average of the centers' parameters. */
export function federatedAverage(
  updates: readonly { cases: number; linear: LinearParams }[],
): LinearParams {
  const n = updates.reduce((s, u) => s + u.cases, 0);
  const p = updates[0].linear.weights.length;
  const w = new Float64Array(p);
  let b = 0;
  for (const u of updates) {
    const share = u.cases / n;
    for (let j = 0; j < p; j++) w[j] += share * u.linear.weights[j];
    b += share * u.linear.intercept;
  }
  return { weights: Array.from(w), intercept: b };
}

/** This center's gradient and Hessian sums of Platt's objective at (a, b), with the targets
 * from the federation's class counts (as fitPlatt uses the pooled counts). */
export function localPlattSums(
  decision: ArrayLike<number>,
  y: Labels,
  sigmoid: { a: number; b: number },
  positives: number,
  negatives: number,
) {
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (negatives + 2);
  let g1 = 0;
  let g2 = 0;
  let h11 = 0;
  let h21 = 0;
  let h22 = 0;
  for (let i = 0; i < decision.length; i++) {
    const f = decision[i];
    const z = f * sigmoid.a + sigmoid.b;
    const p = z >= 0 ? Math.exp(-z) / (1 + Math.exp(-z)) : 1 / (1 + Math.exp(z));
    const d2 = p * (1 - p);
    h11 += f * f * d2;
    h22 += d2;
    h21 += f * d2;
    const d1 = (y[i] ? hi : lo) - p;
    g1 += f * d1;
    g2 += d1;
  }
  return { g1, g2, h11, h21, h22 };
}
