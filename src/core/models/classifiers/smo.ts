// The C-SVC dual solved by SMO as libsvm does it (Fan, Chen & Lin 2005: second-order working-set
// selection; the same update, clipping and rho rule), so the decision function is the one
// sklearn.svm.SVC reaches. The kernel matrix is held whole in float32, as libsvm's cache holds it.
import { ProblemError } from '../../result.ts';

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
  const G = new Float64Array(n).fill(-1);
  const QD = new Float64Array(n);
  for (let i = 0; i < n; i++) QD[i] = kernel[i * n + i];
  // Shrinking (libsvm's): cases at a bound that cannot move soon leave the active set, so an
  // iteration scans only the active cases; gradients are rebuilt before the final check.
  const active = Int32Array.from({ length: n }, (_, k) => k);
  let na = n;
  let unshrunk = false;
  let countdown = Math.min(n, 1000);
  const rebuild = (): void => {
    G.fill(-1);
    for (let j = 0; j < n; j++) {
      if (alpha[j] <= 0) continue;
      const aj = alpha[j] * sign[j];
      const row = j * n;
      for (let k = 0; k < n; k++) G[k] += sign[k] * aj * kernel[row + k];
    }
    for (let k = 0; k < n; k++) active[k] = k;
    na = n;
  };
  const shrink = (): void => {
    let g1 = -Infinity; // max −y·G over I_up
    let g2 = -Infinity; // max y·G over I_low
    for (let a = 0; a < na; a++) {
      const t = active[a];
      if (sign[t] === 1) {
        if (alpha[t] < C && -G[t] >= g1) g1 = -G[t];
        if (alpha[t] > 0 && G[t] >= g2) g2 = G[t];
      } else {
        if (alpha[t] < C && -G[t] >= g2) g2 = -G[t];
        if (alpha[t] > 0 && G[t] >= g1) g1 = G[t];
      }
    }
    if (!unshrunk && g1 + g2 <= tolerance * 10) {
      unshrunk = true;
      rebuild();
    }
    let kept = 0;
    for (let a = 0; a < na; a++) {
      const t = active[a];
      let out = false;
      if (alpha[t] >= C) out = sign[t] === 1 ? -G[t] > g1 : -G[t] > g2;
      else if (alpha[t] <= 0) out = sign[t] === 1 ? G[t] > g2 : G[t] > g1;
      if (!out) active[kept++] = t;
    }
    na = kept;
  };
  let it = 0;
  for (; it < maxIterations; it++) {
    if (--countdown === 0) {
      countdown = Math.min(n, 1000);
      shrink();
    }
    // Working set: i maximal violating from I_up, j by the largest second-order decrease.
    let Gmax = -Infinity;
    let Gmax2 = -Infinity;
    let i = -1;
    for (let a = 0; a < na; a++) {
      const t = active[a];
      if (sign[t] === 1) {
        if (alpha[t] < C && -G[t] >= Gmax) {
          Gmax = -G[t];
          i = t;
        }
      } else if (alpha[t] > 0 && G[t] >= Gmax) {
        Gmax = G[t];
        i = t;
      }
    }
    let j = -1;
    let objMin = Infinity;
    const rowI = i >= 0 ? i * n : 0;
    const yi = i >= 0 ? sign[i] : 1;
    for (let a = 0; a < na; a++) {
      const t = active[a];
      const Qit = i >= 0 ? yi * sign[t] * kernel[rowI + t] : 0;
      if (sign[t] === 1) {
        if (alpha[t] > 0) {
          const gd = Gmax + G[t];
          if (G[t] >= Gmax2) Gmax2 = G[t];
          if (gd > 0) {
            const q = QD[i] + QD[t] - 2 * yi * Qit;
            const obj = -(gd * gd) / (q > 0 ? q : TAU);
            if (obj <= objMin) {
              j = t;
              objMin = obj;
            }
          }
        }
      } else if (alpha[t] < C) {
        const gd = Gmax - G[t];
        if (-G[t] >= Gmax2) Gmax2 = -G[t];
        if (gd > 0) {
          const q = QD[i] + QD[t] + 2 * yi * Qit;
          const obj = -(gd * gd) / (q > 0 ? q : TAU);
          if (obj <= objMin) {
            j = t;
            objMin = obj;
          }
        }
      }
    }
    if (Gmax + Gmax2 < tolerance || j === -1) {
      if (na === n) break;
      rebuild(); // optimal on the active set: check again with every case
      countdown = Math.min(n, 1000);
      continue;
    }
    const rowJ = j * n;
    const Qij = sign[i] * sign[j] * kernel[rowI + j];
    const oldI = alpha[i];
    const oldJ = alpha[j];
    if (sign[i] !== sign[j]) {
      let q = QD[i] + QD[j] + 2 * Qij;
      if (q <= 0) q = TAU;
      const delta = (-G[i] - G[j]) / q;
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
      const delta = (G[i] - G[j]) / q;
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
    // Q_ik = y_i y_k K_ik, so the gradient update carries the signs.
    const dI = (alpha[i] - oldI) * sign[i];
    const dJ = (alpha[j] - oldJ) * sign[j];
    for (let a = 0; a < na; a++) {
      const k = active[a];
      G[k] += sign[k] * (kernel[rowI + k] * dI + kernel[rowJ + k] * dJ);
    }
  }
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
