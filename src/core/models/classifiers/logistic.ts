// Logistic regression with sklearn's parameterisation: minimise
//   C * sum_i log(1 + exp(-s_i (w·x_i + b))) + penalty(w),  s_i = ±1,
// with penalty ½‖w‖² (L2, solved by L-BFGS as sklearn's 'lbfgs') or ‖w‖₁ (L1, solved by
// proximal Newton with coordinate descent, as liblinear's newGLMNET); the intercept b is never
// penalised (as sklearn's lbfgs and saga solvers), so the optimum is the one sklearn reaches.
import { lbfgs } from './lbfgs.ts';
import type { Labels, Matrix } from './matrix.ts';

export interface LinearModel {
  readonly weights: Float64Array;
  readonly intercept: number;
}

export interface LogisticOptions {
  readonly penalty: 'l2' | 'l1';
  readonly C: number;
  readonly tolerance?: number;
  readonly maxIterations?: number;
}

/** log(1 + exp(-t)) without overflow. */
export function logLoss(t: number): number {
  return t > 0 ? Math.log1p(Math.exp(-t)) : -t + Math.log1p(Math.exp(t));
}

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** w·x_i + b for every case. */
export function linearScores(
  x: Matrix,
  w: Float64Array,
  b: number,
  out?: Float64Array,
): Float64Array {
  const { rows, cols, data } = x;
  const z = out ?? new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let s = b;
    const r = i * cols;
    for (let j = 0; j < cols; j++) s += data[r + j] * w[j];
    z[i] = s;
  }
  return z;
}

export function fitLogistic(x: Matrix, y: Labels, options: LogisticOptions): LinearModel {
  return options.penalty === 'l2' ? fitL2(x, y, options) : fitL1(x, y, options);
}

function fitL2(x: Matrix, y: Labels, o: LogisticOptions): LinearModel {
  const { rows, cols, data } = x;
  const C = o.C;
  // The gradient is scaled by 1/(C n) for the stopping rule only, so the tolerance does not
  // depend on the number of cases or on C.
  const wide = cols - (cols % 4);
  const objective = (p: Float64Array, g: Float64Array): number => {
    const b = p[cols];
    let loss = 0;
    let gb = 0;
    let reg = 0;
    for (let j = 0; j < cols; j++) {
      g[j] = p[j];
      reg += p[j] * p[j];
    }
    // One pass per case: its score, loss and gradient term while its row is in cache.
    for (let i = 0; i < rows; i++) {
      const row = i * cols;
      // Four partial sums and a four-wide update: independent chains the CPU can overlap.
      let z0 = 0;
      let z1 = 0;
      let z2 = 0;
      let z3 = 0;
      let j = 0;
      for (; j < wide; j += 4) {
        z0 += data[row + j] * p[j];
        z1 += data[row + j + 1] * p[j + 1];
        z2 += data[row + j + 2] * p[j + 2];
        z3 += data[row + j + 3] * p[j + 3];
      }
      for (; j < cols; j++) z0 += data[row + j] * p[j];
      const z = b + (z0 + z1) + (z2 + z3);
      const s = y[i] ? 1 : -1;
      loss += logLoss(s * z);
      const r = -s * sigmoid(-s * z) * C;
      gb += r;
      for (j = 0; j < wide; j += 4) {
        g[j] += r * data[row + j];
        g[j + 1] += r * data[row + j + 1];
        g[j + 2] += r * data[row + j + 2];
        g[j + 3] += r * data[row + j + 3];
      }
      for (; j < cols; j++) g[j] += r * data[row + j];
    }
    g[cols] = gb;
    return C * loss + 0.5 * reg;
  };
  const scale = C * rows;
  const result = lbfgs(objective, new Float64Array(cols + 1), {
    gradientTolerance: (o.tolerance ?? 1e-8) * scale,
    maxIterations: o.maxIterations ?? 10000,
  });
  return { weights: result.x.slice(0, cols), intercept: result.x[cols] };
}

function fitL1(x: Matrix, y: Labels, o: LogisticOptions): LinearModel {
  const { rows: n, cols: p, data } = x;
  const C = o.C;
  const tol = (o.tolerance ?? 1e-8) * Math.max(1, C * n);
  // Column-major copy: coordinate descent walks one feature over all cases.
  const xt = new Float64Array(n * p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) xt[j * n + i] = data[i * p + j];
  const w = new Float64Array(p);
  let b = 0;
  const z = new Float64Array(n);
  const grad = new Float64Array(p); // X^T (prob - y)
  const hess = new Float64Array(n); // prob (1 - prob)
  const resid = new Float64Array(n);
  const d = new Float64Array(p);
  const xd = new Float64Array(n);
  const zTry = new Float64Array(n);
  const objective = (scores: Float64Array, weights: Float64Array): number => {
    let loss = 0;
    for (let i = 0; i < n; i++) loss += logLoss((y[i] ? 1 : -1) * scores[i]);
    let l1 = 0;
    for (let j = 0; j < p; j++) l1 += Math.abs(weights[j]);
    return C * loss + l1;
  };
  const wTry = new Float64Array(p);
  const activeSet = new Int32Array(p);
  let f = objective(z, w);
  const maxOuter = o.maxIterations ?? 1000;
  for (let outer = 0; outer < maxOuter; outer++) {
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const pr = sigmoid(z[i]);
      resid[i] = pr - y[i];
      hess[i] = Math.max(pr * (1 - pr), 1e-12);
      gb += resid[i];
    }
    // Optimality: the smallest subgradient of the full objective.
    let violation = Math.abs(C * gb);
    for (let j = 0; j < p; j++) {
      let s = 0;
      const col = j * n;
      for (let i = 0; i < n; i++) s += xt[col + i] * resid[i];
      grad[j] = s;
      const gj = C * s;
      const v = w[j] !== 0 ? Math.abs(gj + Math.sign(w[j])) : Math.max(0, Math.abs(gj) - 1);
      violation = Math.max(violation, v);
    }
    if (violation <= tol) break;
    // Inner: coordinate descent on the quadratic model around (w, b).
    d.fill(0);
    xd.fill(0);
    let db = 0;
    // Active set (as glmnet): a zero weight strictly inside its subgradient stays out of this
    // step; the violation check above covers every feature, so the optimum is still the full one.
    let active = 0;
    for (let j = 0; j < p; j++)
      if (w[j] !== 0 || C * Math.abs(grad[j]) > 1 - 1e-9) activeSet[active++] = j;
    for (let sweep = 0; sweep < 50; sweep++) {
      let biggest = 0;
      for (let a = 0; a < active; a++) {
        const j = activeSet[a];
        const col = j * n;
        let gq = 0;
        let hq = 0;
        for (let i = 0; i < n; i++) {
          const v = xt[col + i];
          const hv = hess[i] * v;
          gq += hv * xd[i];
          hq += hv * v;
        }
        gq = C * (grad[j] + gq);
        hq = C * hq + 1e-12;
        const current = w[j] + d[j];
        const target = current - gq / hq;
        const shrunk = Math.sign(target) * Math.max(0, Math.abs(target) - 1 / hq);
        const delta = shrunk - current;
        if (delta !== 0) {
          d[j] += delta;
          for (let i = 0; i < n; i++) xd[i] += delta * xt[col + i];
          biggest = Math.max(biggest, Math.abs(delta) * Math.sqrt(hq));
        }
      }
      let gq = 0;
      let hq = 0;
      for (let i = 0; i < n; i++) {
        gq += hess[i] * xd[i];
        hq += hess[i];
      }
      const deltaB = -(C * (gb + gq)) / (C * hq);
      db += deltaB;
      for (let i = 0; i < n; i++) xd[i] += deltaB;
      biggest = Math.max(biggest, Math.abs(deltaB) * Math.sqrt(C * hq));
      if (biggest < 1e-3 * Math.max(violation, 1e-12) || biggest < 1e-15) break;
    }
    // Line search on the true objective (Tseng & Yun's sufficient decrease).
    let gradDir = C * gb * db;
    let l1Now = 0;
    let l1Next = 0;
    for (let j = 0; j < p; j++) {
      gradDir += C * grad[j] * d[j];
      l1Now += Math.abs(w[j]);
      l1Next += Math.abs(w[j] + d[j]);
    }
    const decrease = gradDir + l1Next - l1Now;
    let step = 1;
    let accepted = false;
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < n; i++) zTry[i] = z[i] + step * xd[i];
      for (let j = 0; j < p; j++) wTry[j] = w[j] + step * d[j];
      const fTry = objective(zTry, wTry);
      if (fTry <= f + 0.01 * step * decrease) {
        f = fTry;
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) break; // no further decrease is representable
    w.set(wTry);
    z.set(zTry);
    b += step * db;
  }
  return { weights: w, intercept: b };
}
