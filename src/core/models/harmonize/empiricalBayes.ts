// The empirical Bayes step of ComBat (Johnson, Li & Rabinovic 2007), as sva's it.sol, int.eprior,
// aprior and bprior compute it: one center's additive (γ) and multiplicative (δ) effects per
// feature are shrunk towards what the center does to all its features.
import { ProblemError } from '../../result.ts';

export function mean(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i];
  return s / v.length;
}

/** Sample variance (n − 1), as R's var. */
export function variance(v: ArrayLike<number>): number {
  const m = mean(v);
  let s = 0;
  for (let i = 0; i < v.length; i++) s += (v[i] - m) ** 2;
  return s / (v.length - 1);
}

export interface Priors {
  readonly gammaBar: number;
  readonly t2: number;
  readonly a: number;
  readonly b: number;
}

/** The hyper-priors of one center from its per-feature estimates (method of moments). */
export function priors(gammaHat: ArrayLike<number>, deltaHat: ArrayLike<number>): Priors {
  const m = mean(deltaHat);
  const s2 = variance(deltaHat);
  return {
    gammaBar: mean(gammaHat),
    t2: variance(gammaHat),
    a: (2 * s2 + m * m) / s2,
    b: (m * s2 + m ** 3) / s2,
  };
}

const postMean = (gHat: number, gBar: number, n: number, dStar: number, t2: number) =>
  (t2 * n * gHat + dStar * gBar) / (t2 * n + dStar);

/** Iterations before the parametric solution is declared not converging (sva has no limit). */
const MAX_ITERATIONS = 10_000;

/**
 * Parametric solution (sva's it.sol): alternate the posterior mean of γ and of δ until the
 * largest relative change is under 1e-4. `s[g]` holds feature g's standardized values over this
 * center's cases.
 */
export function parametric(
  s: readonly Float64Array[],
  gammaHat: ArrayLike<number>,
  deltaHat: ArrayLike<number>,
  p: Priors,
): { gammaStar: number[]; deltaStar: number[] } {
  const G = s.length;
  const n = s[0]?.length ?? 0;
  let gOld = Array.from(gammaHat);
  let dOld = Array.from(deltaHat);
  for (let count = 0; ; count++) {
    if (count >= MAX_ITERATIONS)
      throw new ProblemError(
        'COMBAT_NOT_CONVERGING',
        `ComBat's parametric estimates did not settle after ${MAX_ITERATIONS} rounds; try the non-parametric method.`,
        { iterations: MAX_ITERATIONS },
      );
    const gNew = new Array<number>(G);
    const dNew = new Array<number>(G);
    let change = 0;
    for (let g = 0; g < G; g++) {
      gNew[g] = postMean(gammaHat[g], p.gammaBar, n, dOld[g], p.t2);
      let sum2 = 0;
      const row = s[g];
      for (let j = 0; j < n; j++) sum2 += (row[j] - gNew[g]) ** 2;
      dNew[g] = (0.5 * sum2 + p.b) / (n / 2 + p.a - 1);
      // As sva: relative to the old value, not its absolute value (R's max ignores the sign too).
      change = Math.max(change, Math.abs(gNew[g] - gOld[g]) / gOld[g]);
      change = Math.max(change, Math.abs(dNew[g] - dOld[g]) / dOld[g]);
    }
    gOld = gNew;
    dOld = dNew;
    if (!(change > 1e-4)) {
      if (Number.isNaN(change))
        throw new ProblemError(
          'COMBAT_NOT_CONVERGING',
          "ComBat's parametric estimates became undefined (a center effect of exactly zero); try the non-parametric method.",
        );
      return { gammaStar: gNew, deltaStar: dNew };
    }
  }
}

/** Mean-only parametric solution: sva's postmean with n = 1 and δ* = 1. */
export function parametricMeanOnly(
  gammaHat: ArrayLike<number>,
  p: Priors,
): { gammaStar: number[]; deltaStar: number[] } {
  const gammaStar = Array.from(gammaHat, (g) => postMean(g, p.gammaBar, 1, 1, p.t2));
  return { gammaStar, deltaStar: gammaStar.map(() => 1) };
}

/**
 * Non-parametric solution (sva's int.eprior): γ* and δ* of feature g are the averages of the
 * other features' estimates, weighted by how likely feature g's values are under each. Computed
 * in logs (sva multiplies densities, which underflow to 0/0 once a center has a few hundred
 * cases), and with Σ(x − γ)² expanded so each weight costs O(1) instead of O(n).
 */
export function nonparametric(
  s: readonly Float64Array[],
  gammaHat: ArrayLike<number>,
  deltaHat: ArrayLike<number>,
): { gammaStar: number[]; deltaStar: number[] } {
  const G = s.length;
  const n = s[0]?.length ?? 0;
  const gammaStar = new Array<number>(G);
  const deltaStar = new Array<number>(G);
  const logW = new Float64Array(G);
  const logNorm = Float64Array.from(deltaHat, (d) => (-n / 2) * Math.log(2 * Math.PI * d));
  for (let i = 0; i < G; i++) {
    let sx = 0;
    let sxx = 0;
    const row = s[i];
    for (let j = 0; j < n; j++) {
      sx += row[j];
      sxx += row[j] * row[j];
    }
    let max = -Infinity;
    for (let k = 0; k < G; k++) {
      if (k === i) continue;
      const g = gammaHat[k];
      const sum2 = Math.max(0, sxx - 2 * g * sx + n * g * g);
      logW[k] = logNorm[k] - sum2 / (2 * deltaHat[k]);
      if (logW[k] > max) max = logW[k];
    }
    let w = 0;
    let gw = 0;
    let dw = 0;
    for (let k = 0; k < G; k++) {
      if (k === i) continue;
      const e = Math.exp(logW[k] - max);
      w += e;
      gw += gammaHat[k] * e;
      dw += deltaHat[k] * e;
    }
    gammaStar[i] = gw / w;
    deltaStar[i] = dw / w;
  }
  return { gammaStar, deltaStar };
}
