// The C-SVC dual solved by SMO as libsvm does it (Fan, Chen & Lin 2005: second-order working-set
// selection; the same update, clipping and rho rule), so the decision function is the one
// sklearn.svm.SVC reaches. The kernel matrix is held whole in float32, as libsvm's cache holds it.
import { ProblemError } from '../../result.ts';
import { smoWorkspace } from './simd/smoWasm.ts';

const TAU = 1e-12;
/** Beyond this the whole kernel matrix (n² float32) would not fit comfortably in memory. */
export const MAX_SVM_CASES = 12000;

export interface SmoResult {
  readonly alpha: Float64Array;
  readonly rho: number;
  readonly iterations: number;
}

/**
 * Minimise ½ αᵀQα − Σα subject to 0 ≤ α ≤ C and yᵀα = 0, where Q_ij = y_i y_j K_ij;
 * `kernel` is K (n × n, row-major), `sign` is ±1 per case.
 */
export function solveSmo(
  kernel: Float32Array,
  sign: Int8Array,
  C: number,
  tolerance = 1e-3,
  maxIterations = 10_000_000,
  /** false: the step's two scans in TypeScript instead of WebAssembly (tests compare them). */
  simd = true,
): SmoResult {
  const n = sign.length;
  if (n > MAX_SVM_CASES)
    throw new ProblemError(
      'model-too-large',
      `An SVM is trained on at most ${MAX_SVM_CASES} cases here.`,
      {
        cases: n,
        limit: MAX_SVM_CASES,
      },
    );
  const alpha = new Float64Array(n);
  // F = −y·G, libsvm's gradient with each case's sign folded in: the working-set rules and the
  // gradient update then read the kernel without signs (F_k −= K_ik·y_iΔα_i + K_jk·y_jΔα_j), and
  // i is argmax F over I_up, j minimises −(F_i − F_t)² / (K_ii + K_tt − 2K_it) over I_low.
  const ws = simd ? smoWorkspace(kernel, n) : null;
  const F = ws?.F ?? new Float64Array(n);
  for (let t = 0; t < n; t++) F[t] = sign[t];
  const QD = ws?.QD ?? new Float64Array(n);
  for (let i = 0; i < n; i++) QD[i] = kernel[i * n + i];
  // I_up (α can move so that y·α grows) and I_low, kept per case as 0/1 and changed only for the
  // two cases each step moves, so the scans test one flag instead of sign and bounds.
  const up = ws?.up ?? new Uint8Array(n);
  const low = ws?.low ?? new Uint8Array(n);
  const flag = (t: number): void => {
    const a = alpha[t];
    up[t] = sign[t] === 1 ? (a < C ? 1 : 0) : a > 0 ? 1 : 0;
    low[t] = sign[t] === 1 ? (a > 0 ? 1 : 0) : a < C ? 1 : 0;
  };
  for (let t = 0; t < n; t++) flag(t);
  // Shrinking (libsvm's): cases at a bound that cannot move soon leave the active set, so an
  // iteration scans only the active cases; gradients are rebuilt before the final check.
  const active = ws?.active ?? new Int32Array(n);
  for (let k = 0; k < n; k++) active[k] = k;
  let na = n;
  let unshrunk = false;
  let countdown = Math.min(n, 1000);
  const rebuild = (): void => {
    for (let k = 0; k < n; k++) F[k] = sign[k];
    for (let j = 0; j < n; j++) {
      if (alpha[j] <= 0) continue;
      const aj = alpha[j] * sign[j];
      const row = j * n;
      for (let k = 0; k < n; k++) F[k] -= aj * kernel[row + k];
    }
    for (let k = 0; k < n; k++) active[k] = k;
    na = n;
  };
  /** max F over I_up (i) and min F over I_low among the active cases. */
  const extremes = (): { upMax: number; lowMin: number } => {
    let upMax = -Infinity;
    let lowMin = Infinity;
    for (let a = 0; a < na; a++) {
      const t = active[a];
      if (up[t] && F[t] > upMax) upMax = F[t];
      if (low[t] && F[t] < lowMin) lowMin = F[t];
    }
    return { upMax, lowMin };
  };
  const shrink = (): void => {
    let { upMax, lowMin } = extremes();
    if (!unshrunk && upMax - lowMin <= tolerance * 10) {
      unshrunk = true;
      rebuild();
      ({ upMax, lowMin } = extremes());
    }
    // A case only in I_up below every I_low value, or only in I_low above every I_up value, is
    // at its bound and would not be chosen: it leaves (libsvm's be_shrunk).
    let kept = 0;
    for (let a = 0; a < na; a++) {
      const t = active[a];
      const out = up[t] ? !low[t] && F[t] < lowMin : low[t] && F[t] > upMax;
      if (!out) active[kept++] = t;
    }
    na = kept;
  };
  /** argmax F over the active I_up cases, ties to the last as libsvm's scan. */
  const chooseI = (): number => {
    let best = -Infinity;
    let i = -1;
    for (let a = 0; a < na; a++) {
      const t = active[a];
      if (up[t] && F[t] >= best) {
        best = F[t];
        i = t;
      }
    }
    return i;
  };
  let i = chooseI();
  let it = 0;
  for (; it < maxIterations; it++) {
    if (--countdown === 0) {
      countdown = Math.min(n, 1000);
      shrink();
      i = chooseI();
    }
    // j by the largest second-order decrease, and the smallest F over I_low for the stop test.
    const Gmax = i >= 0 ? F[i] : -Infinity;
    let lowMin = Infinity;
    let j = -1;
    let objMin = Infinity;
    const rowI = i >= 0 ? i * n : 0;
    const qdI = i >= 0 ? QD[i] : 0;
    if (ws) ({ j, lowMin } = ws.selectJ(i, qdI, Gmax, na));
    else
      for (let a = 0; a < na; a++) {
        const t = active[a];
        if (!low[t]) continue;
        const f = F[t];
        if (f < lowMin) lowMin = f;
        const gd = Gmax - f;
        if (gd > 0) {
          const q = qdI + QD[t] - 2 * kernel[rowI + t];
          const obj = -(gd * gd) / (q > 0 ? q : TAU);
          if (obj <= objMin) {
            j = t;
            objMin = obj;
          }
        }
      }
    if (Gmax - lowMin < tolerance || j === -1) {
      if (na === n) break;
      rebuild(); // optimal on the active set: check again with every case
      countdown = Math.min(n, 1000);
      i = chooseI();
      continue;
    }
    const rowJ = j * n;
    const Qij = sign[i] * sign[j] * kernel[rowI + j];
    const Gi = -sign[i] * F[i];
    const Gj = -sign[j] * F[j];
    const oldI = alpha[i];
    const oldJ = alpha[j];
    if (sign[i] !== sign[j]) {
      let q = QD[i] + QD[j] + 2 * Qij;
      if (q <= 0) q = TAU;
      const delta = (-Gi - Gj) / q;
      const diff = alpha[i] - alpha[j];
      alpha[i] += delta;
      alpha[j] += delta;
      if (diff > 0) {
        if (alpha[j] < 0) {
          alpha[j] = 0;
          alpha[i] = diff;
        }
      } else if (alpha[i] < 0) {
        alpha[i] = 0;
        alpha[j] = -diff;
      }
      if (diff > 0) {
        if (alpha[i] > C) {
          alpha[i] = C;
          alpha[j] = C - diff;
        }
      } else if (alpha[j] > C) {
        alpha[j] = C;
        alpha[i] = C + diff;
      }
    } else {
      let q = QD[i] + QD[j] - 2 * Qij;
      if (q <= 0) q = TAU;
      const delta = (Gi - Gj) / q;
      const sum = alpha[i] + alpha[j];
      alpha[i] -= delta;
      alpha[j] += delta;
      if (sum > C) {
        if (alpha[i] > C) {
          alpha[i] = C;
          alpha[j] = sum - C;
        }
      } else if (alpha[j] < 0) {
        alpha[j] = 0;
        alpha[i] = sum;
      }
      if (sum > C) {
        if (alpha[j] > C) {
          alpha[j] = C;
          alpha[i] = sum - C;
        }
      } else if (alpha[i] < 0) {
        alpha[i] = 0;
        alpha[j] = sum;
      }
    }
    flag(i);
    flag(j);
    // The gradient update and the next i in one pass over the active cases.
    const dI = (alpha[i] - oldI) * sign[i];
    const dJ = (alpha[j] - oldJ) * sign[j];
    if (ws) {
      i = ws.update(i, j, na, dI, dJ);
      continue;
    }
    let best = -Infinity;
    let next = -1;
    for (let a = 0; a < na; a++) {
      const k = active[a];
      const f = F[k] - (kernel[rowI + k] * dI + kernel[rowJ + k] * dJ);
      F[k] = f;
      if (up[k] && f >= best) {
        best = f;
        next = k;
      }
    }
    i = next;
  }
  const G = new Float64Array(n);
  for (let t = 0; t < n; t++) G[t] = -sign[t] * F[t];
  // rho: the mean of y_i G_i over free vectors, else the middle of the feasible interval.
  let ub = Infinity;
  let lb = -Infinity;
  let free = 0;
  let sumFree = 0;
  for (let t = 0; t < n; t++) {
    const yG = sign[t] * G[t];
    if (alpha[t] >= C) {
      if (sign[t] === -1) ub = Math.min(ub, yG);
      else lb = Math.max(lb, yG);
    } else if (alpha[t] <= 0) {
      if (sign[t] === 1) ub = Math.min(ub, yG);
      else lb = Math.max(lb, yG);
    } else {
      free++;
      sumFree += yG;
    }
  }
  const rho = free > 0 ? sumFree / free : (ub + lb) / 2;
  return { alpha, rho, iterations: it };
}
