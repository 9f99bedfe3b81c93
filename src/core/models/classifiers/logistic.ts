// Logistic regression with sklearn's parameterisation: minimise
//   C * sum_i log(1 + exp(-s_i (w·x_i + b))) + penalty(w),  s_i = ±1,
// with penalty ½‖w‖² (L2, solved by L-BFGS as sklearn's 'lbfgs') or ‖w‖₁ (L1, solved by
// proximal Newton with coordinate descent, as liblinear's newGLMNET); the intercept b is never
// penalised (as sklearn's lbfgs and saga solvers), so the optimum is the one sklearn reaches.
import { lbfgs, type Objective } from './lbfgs.ts';
import { linearWorkspace, panelRows, type LinearWorkspace } from './simd/linearWasm.ts';
import { applyScaler, type Scaler } from './standardize.ts';
import type { Labels, Matrix } from './matrix.ts';

export interface LinearModel {
  readonly weights: Float64Array;
  readonly intercept: number;
}

export interface LogisticOptions {
  readonly penalty: 'l2' | 'l1';
  readonly C: number;
  /**
   * L2: sklearn's tol, the largest gradient component of Σ loss + ‖w‖²/(2C) at which to stop
   * (default 1e-4). L1: the largest subgradient violation, relative to max(1, C·cases) (1e-8).
   */
  readonly tolerance?: number;
  /** L2 only: stop on a relative decrease of the objective this small (scipy's 2.2e-9; 0: never). */
  readonly relativeDecrease?: number;
  readonly maxIterations?: number;
  /** L2 only: false runs the TypeScript loops instead of WebAssembly SIMD (tests compare them). */
  readonly simd?: boolean;
  /** x is raw: fit on applyScaler(standardize, x), made inside the L2 solver's own memory. */
  readonly standardize?: Scaler;
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
  if (options.penalty === 'l2') return fitL2(x, y, options);
  return fitL1(options.standardize ? applyScaler(options.standardize, x) : x, y, options);
}

/** scipy's L-BFGS-B default factr (1e7) times machine ε: the relative decrease that stops it. */
const SCIPY_FTOL = 1e7 * Number.EPSILON;

/**
 * L2: sklearn 1.2's lbfgs objective, Σ log(1 + exp(−sᵢ zᵢ)) + ‖w‖² / (2C) (ours times 1/C, the
 * same optimum), with its stopping rules: the largest gradient component at most `tolerance`
 * (sklearn's tol, 1e-4) or a step that lowers the objective by at most 2.2e-9 of it (scipy's
 * factr), so both libraries stop equally far from the optimum.
 */
function fitL2(x: Matrix, y: Labels, o: LogisticOptions): LinearModel {
  const cols = x.cols;
  const objective = l2Objective(x, y, o.C, o.simd ?? true, o.standardize);
  try {
    const result = lbfgs(objective, new Float64Array(cols + 1), {
      gradientTolerance: o.tolerance ?? 1e-4,
      relativeDecrease: o.relativeDecrease ?? SCIPY_FTOL,
      maxIterations: o.maxIterations ?? 10000,
    });
    return { weights: result.x.slice(0, cols), intercept: result.x[cols] };
  } finally {
    objective.release();
  }
}

/** Cases per block of the WASM pass (a whole number of panels). */
const BLOCK_ROWS = 32;

/** An objective whose WebAssembly memory the caller hands back when the fit is done. */
export type ReleasableObjective = Objective & { release(): void };

/**
 * The L2 objective and its gradient at p = (w, b), written into g: in WebAssembly SIMD where
 * it runs (simd), else in TypeScript; the two agree to round-off (logistic.test.ts). Each is
 * a class, so lbfgs's call of `evaluate` keeps one target from fit to fit (a new closure per
 * fit threw V8's optimized lbfgs away at the next fit).
 */
export function l2Objective(
  x: Matrix,
  y: Labels,
  C: number,
  simd: boolean,
  standardize?: Scaler,
): ReleasableObjective {
  const { rows, cols } = x;
  // Labels as ±1 once, so the passes below only read arrays.
  const sign = new Float64Array(rows);
  for (let i = 0; i < rows; i++) sign[i] = y[i] ? 1 : -1;
  const padded = panelRows(rows);
  const ws = simd ? linearWorkspace(x, [cols, padded, padded, cols], standardize) : null;
  if (ws) return new WasmL2Objective(ws, rows, cols, sign, 1 / C);
  return new JsL2Objective(standardize ? applyScaler(standardize, x) : x, sign, 1 / C);
}

const [W, Z, R, G] = [0, 1, 2, 3];

class WasmL2Objective implements ReleasableObjective {
  constructor(
    private readonly ws: LinearWorkspace,
    private readonly rows: number,
    private readonly cols: number,
    private readonly sign: Float64Array,
    private readonly invC: number,
  ) {
    // The last panel's cases past `rows` add c = 0 times their zero row to the gradient.
    ws.f64.fill(0, ws.vector[R] + rows, ws.vector[R] + panelRows(rows));
  }

  evaluate(p: Float64Array, g: Float64Array): number {
    const { ws, rows, cols, sign, invC } = this;
    const { f64, vector } = ws;
    const w = vector[W];
    const z = vector[Z];
    const r = vector[R];
    const gv = vector[G];
    const b = p[cols];
    let reg = 0;
    for (let j = 0; j < cols; j++) {
      f64[w + j] = p[j];
      f64[gv + j] = p[j] * invC;
      reg += p[j] * p[j];
    }
    let loss = 0;
    let gb = 0;
    for (let from = 0; from < rows; from += BLOCK_ROWS) {
      const count = Math.min(BLOCK_ROWS, rows - from);
      ws.scores(from, count, W, b, Z);
      for (let i = from; i < from + count; i++) {
        const s = sign[i];
        const t = s * f64[z + i];
        // logLoss(t) and sigmoid(−t) from one exp(−|t|), with their own arithmetic.
        const e = Math.exp(t > 0 ? -t : t);
        loss += t > 0 ? Math.log1p(e) : -t + Math.log1p(e);
        const c = -s * (t > 0 ? e / (1 + e) : 1 / (1 + e));
        f64[r + i] = c;
        gb += c;
      }
      ws.accumulate(from, count, R, G);
    }
    for (let j = 0; j < cols; j++) g[j] = f64[gv + j];
    g[cols] = gb;
    return loss + 0.5 * reg * invC;
  }

  release(): void {
    this.ws.release();
  }
}

/** The TypeScript objective: the reference the WASM one is tested against. */
class JsL2Objective implements ReleasableObjective {
  constructor(
    private readonly x: Matrix,
    private readonly sign: Float64Array,
    private readonly invC: number,
  ) {}

  evaluate(p: Float64Array, g: Float64Array): number {
    const { sign, invC } = this;
    const { rows, cols, data } = this.x;
    const b = p[cols];
    let loss = 0;
    let gb = 0;
    let reg = 0;
    for (let j = 0; j < cols; j++) {
      g[j] = p[j] * invC;
      reg += p[j] * p[j];
    }
    // Four cases at a time: each weight is loaded once for four scores, and each gradient
    // component is read and written once for four cases, while their rows are still in cache.
    let i = 0;
    for (; i + 4 <= rows; i += 4) {
      const r0 = i * cols;
      const r1 = r0 + cols;
      const r2 = r1 + cols;
      const r3 = r2 + cols;
      let z0 = b;
      let z1 = b;
      let z2 = b;
      let z3 = b;
      for (let j = 0; j < cols; j++) {
        const w = p[j];
        z0 += data[r0 + j] * w;
        z1 += data[r1 + j] * w;
        z2 += data[r2 + j] * w;
        z3 += data[r3 + j] * w;
      }
      const s0 = sign[i];
      const s1 = sign[i + 1];
      const s2 = sign[i + 2];
      const s3 = sign[i + 3];
      loss += logLoss(s0 * z0) + logLoss(s1 * z1) + logLoss(s2 * z2) + logLoss(s3 * z3);
      const c0 = -s0 * sigmoid(-s0 * z0);
      const c1 = -s1 * sigmoid(-s1 * z1);
      const c2 = -s2 * sigmoid(-s2 * z2);
      const c3 = -s3 * sigmoid(-s3 * z3);
      gb += c0 + c1 + c2 + c3;
      for (let j = 0; j < cols; j++)
        g[j] += c0 * data[r0 + j] + c1 * data[r1 + j] + c2 * data[r2 + j] + c3 * data[r3 + j];
    }
    for (; i < rows; i++) {
      const row = i * cols;
      let z = b;
      for (let j = 0; j < cols; j++) z += data[row + j] * p[j];
      const s = sign[i];
      loss += logLoss(s * z);
      const c = -s * sigmoid(-s * z);
      gb += c;
      for (let j = 0; j < cols; j++) g[j] += c * data[row + j];
    }
    g[cols] = gb;
    return loss + 0.5 * reg * invC;
  }

  release(): void {}
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
