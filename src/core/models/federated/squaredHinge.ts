// The federated linear SVM: the L2-regularised squared hinge loss (LinearSVC's default loss,
// with an unpenalised intercept), ½‖w‖² + C·Σ max(0, 1 − yᵢ(w·zᵢ + b))², minimised by Newton's
// method on the pooled objective. The objective is a sum over cases, so its value, gradient and
// generalised Hessian at a point are sums each center computes over its own cases; the
// coordinator adds them, takes the Newton step and checks it by Armijo's rule one round later
// (halving it when the objective did not fall enough). A piecewise quadratic, it is solved in a
// handful of rounds, to the pooled optimum itself (Keerthi & DeCoste 2005, finite Newton).
import type { Labels, Matrix } from '../classifiers/matrix.ts';
import type { HingeSums, LinearParams, NewtonState } from './update.ts';

export function localSquaredHingeSums(
  z: Matrix,
  y: Labels,
  at: LinearParams,
  C: number,
): HingeSums {
  const { rows: n, cols: p, data } = z;
  const q = p + 1;
  const g = new Float64Array(q);
  const h = new Float64Array((q * (q + 1)) / 2);
  const v = new Float64Array(q);
  v[p] = 1;
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const row = i * p;
    let t = at.intercept;
    for (let j = 0; j < p; j++) t += data[row + j] * at.weights[j];
    const sign = y[i] ? 1 : -1;
    const slack = 1 - sign * t;
    if (slack <= 0) continue; // outside the margin: no loss, no curvature
    loss += C * slack * slack;
    for (let j = 0; j < p; j++) v[j] = data[row + j];
    const r = -2 * C * sign * slack;
    let k = 0;
    for (let a = 0; a < q; a++) {
      g[a] += r * v[a];
      const va = 2 * C * v[a];
      for (let b = a; b < q; b++) h[k++] += va * v[b];
    }
  }
  return { loss, gradient: Array.from(g), hessian: Array.from(h) };
}

/** The summed sums plus the penalty ½‖w‖² (on the weights, not the intercept) at `at`. */
export function pooledNewtonTerms(sums: readonly HingeSums[], at: LinearParams) {
  const q = at.weights.length + 1;
  const g = new Float64Array(q);
  const h = new Float64Array((q * (q + 1)) / 2);
  let objective = 0;
  for (const s of sums) {
    objective += s.loss;
    for (let a = 0; a < q; a++) g[a] += s.gradient[a];
    for (let k = 0; k < h.length; k++) h[k] += s.hessian[k];
  }
  let k = 0;
  for (let a = 0; a < q - 1; a++) {
    objective += 0.5 * at.weights[a] * at.weights[a];
    g[a] += at.weights[a];
    h[k] += 1; // the diagonal entry of row a
    k += q - a;
  }
  return { objective, gradient: g, hessian: h };
}

/** −H⁻¹g by Cholesky on the packed upper triangle (a tiny ridge keeps the intercept's row
 * positive when no case is inside the margin). */
export function newtonDirection(gradient: Float64Array, packed: Float64Array): Float64Array {
  const q = gradient.length;
  const a = new Float64Array(q * q);
  let k = 0;
  for (let i = 0; i < q; i++)
    for (let j = i; j < q; j++) {
      a[i * q + j] = packed[k];
      a[j * q + i] = packed[k++];
    }
  for (let i = 0; i < q; i++) a[i * q + i] += 1e-10 * (1 + Math.abs(a[i * q + i]));
  // In place: the lower triangle becomes L with A = L·Lᵀ.
  for (let j = 0; j < q; j++) {
    let d = a[j * q + j];
    for (let m = 0; m < j; m++) d -= a[j * q + m] * a[j * q + m];
    const l = Math.sqrt(Math.max(d, 1e-300));
    a[j * q + j] = l;
    for (let i = j + 1; i < q; i++) {
      let s = a[i * q + j];
      for (let m = 0; m < j; m++) s -= a[i * q + m] * a[j * q + m];
      a[i * q + j] = s / l;
    }
  }
  const x = Float64Array.from(gradient, (v) => -v);
  for (let i = 0; i < q; i++) {
    for (let m = 0; m < i; m++) x[i] -= a[i * q + m] * x[m];
    x[i] /= a[i * q + i];
  }
  for (let i = q - 1; i >= 0; i--) {
    for (let m = i + 1; m < q; m++) x[i] -= a[m * q + i] * x[m];
    x[i] /= a[i * q + i];
  }
  return x;
}

const along = (from: LinearParams, d: LinearParams, step: number): LinearParams => ({
  weights: from.weights.map((w, j) => w + step * d.weights[j]),
  intercept: from.intercept + step * d.intercept,
});

/**
 * One coordinator step from the centers' sums at `trial`: accept the trial if the objective fell
 * by Armijo's rule (always in the first round), then the next trial is a full Newton step from
 * it; otherwise the next trial is half the step from the last accepted point.
 */
export function newtonRound(
  trial: LinearParams,
  state: NewtonState | undefined,
  sums: readonly HingeSums[],
): { next: LinearParams; state: NewtonState; best: LinearParams } {
  const t = pooledNewtonTerms(sums, trial);
  const tolerance = 1e-12 * Math.max(1, Math.abs(state?.objective ?? 0));
  if (
    state &&
    state.step > 1e-10 &&
    !(t.objective <= state.objective + 1e-4 * state.step * state.slope + tolerance)
  ) {
    const step = state.step / 2;
    return {
      next: along(state.accepted, state.direction, step),
      state: { ...state, step },
      best: state.accepted,
    };
  }
  const d = newtonDirection(t.gradient, t.hessian);
  const p = trial.weights.length;
  let slope = 0;
  for (let a = 0; a <= p; a++) slope += t.gradient[a] * d[a];
  const direction = { weights: Array.from(d.subarray(0, p)), intercept: d[p] };
  return {
    next: along(trial, direction, 1),
    state: { accepted: trial, objective: t.objective, slope, direction, step: 1 },
    best: trial,
  };
}
