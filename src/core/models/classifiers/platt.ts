// Platt scaling, p = 1 / (1 + exp(A f + B)), fitted as libsvm's sigmoid_train (Lin, Lin & Weng
// 2007: Newton's method with backtracking, Platt's smoothed targets), the optimum sklearn's
// SVC(probability=True) and _sigmoid_calibration also reach.
import type { Labels } from './matrix.ts';

export interface Sigmoid {
  readonly a: number;
  readonly b: number;
}

export function plattProbability(s: Sigmoid, f: number): number {
  const t = s.a * f + s.b;
  return t >= 0 ? Math.exp(-t) / (1 + Math.exp(-t)) : 1 / (1 + Math.exp(t));
}

export function fitPlatt(decision: ArrayLike<number>, y: Labels, tolerance = 1e-10): Sigmoid {
  const n = decision.length;
  let prior1 = 0;
  for (let i = 0; i < n; i++) prior1 += y[i];
  const prior0 = n - prior1;
  const hi = (prior1 + 1) / (prior1 + 2);
  const lo = 1 / (prior0 + 2);
  const objective = (A: number, B: number): number => {
    let f = 0;
    for (let i = 0; i < n; i++) {
      const t = y[i] ? hi : lo;
      const z = decision[i] * A + B;
      f += z >= 0 ? t * z + Math.log1p(Math.exp(-z)) : (t - 1) * z + Math.log1p(Math.exp(z));
    }
    return f;
  };
  let A = 0;
  let B = Math.log((prior0 + 1) / (prior1 + 1));
  let fval = objective(A, B);
  for (let iter = 0; iter < 200; iter++) {
    let h11 = 1e-12;
    let h22 = 1e-12;
    let h21 = 0;
    let g1 = 0;
    let g2 = 0;
    for (let i = 0; i < n; i++) {
      const f = decision[i];
      const z = f * A + B;
      const p = z >= 0 ? Math.exp(-z) / (1 + Math.exp(-z)) : 1 / (1 + Math.exp(z));
      const q = 1 - p;
      const d2 = p * q;
      h11 += f * f * d2;
      h22 += d2;
      h21 += f * d2;
      const d1 = (y[i] ? hi : lo) - p;
      g1 += f * d1;
      g2 += d1;
    }
    if (Math.abs(g1) < tolerance && Math.abs(g2) < tolerance) break;
    const det = h11 * h22 - h21 * h21;
    const dA = -(h22 * g1 - h21 * g2) / det;
    const dB = -(-h21 * g1 + h11 * g2) / det;
    const gd = g1 * dA + g2 * dB;
    let step = 1;
    for (; step >= 1e-10; step /= 2) {
      const fNew = objective(A + step * dA, B + step * dB);
      if (fNew < fval + 1e-4 * step * gd) {
        A += step * dA;
        B += step * dB;
        fval = fNew;
        break;
      }
    }
    if (step < 1e-10) break;
  }
  return { a: A, b: B };
}
