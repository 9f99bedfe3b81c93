import { confusionMatrix, type ConfusionMatrix } from './confusion';

export function percentAgreement(m: ConfusionMatrix): number {
  let agree = 0;
  for (let i = 0; i < m.labels.length; i++) agree += m.counts[i][i];
  return m.n === 0 ? NaN : agree / m.n;
}

/** Disagreement weight between categories i and j of k (0 on the diagonal, 1 at the extremes). */
export type KappaWeights = 'none' | 'linear' | 'quadratic';

function weight(i: number, j: number, k: number, kind: KappaWeights): number {
  if (kind === 'none') return i === j ? 0 : 1;
  const d = Math.abs(i - j) / (k - 1);
  return kind === 'linear' ? d : d * d;
}

/** Cohen's kappa from a confusion matrix: 1 - observed / chance-expected disagreement (Cohen 1968). */
export function kappaFromMatrix(m: ConfusionMatrix, kind: KappaWeights = 'none'): number {
  const k = m.labels.length;
  const rows = m.counts.map((r) => r.reduce((s, x) => s + x, 0));
  const cols = m.labels.map((_, j) => m.counts.reduce((s, r) => s + r[j], 0));
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = weight(i, j, k, kind);
      observed += (w * m.counts[i][j]) / m.n;
      expected += (w * rows[i] * cols[j]) / (m.n * m.n);
    }
  }
  return expected === 0 ? NaN : 1 - observed / expected;
}

export function cohenKappa(a: readonly string[], b: readonly string[]): number {
  return kappaFromMatrix(confusionMatrix(a, b));
}

/** Weighted kappa for ordinal labels; `order` lists the categories from lowest to highest. */
export function weightedKappa(
  a: readonly string[],
  b: readonly string[],
  order: readonly string[],
  kind: 'linear' | 'quadratic',
): number {
  return kappaFromMatrix(confusionMatrix(a, b, order), kind);
}
