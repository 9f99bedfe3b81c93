// Kruskal-Wallis H test across centers, with the tie correction, as scipy.stats.kruskal: the
// per-feature center-effect figure (a small p says the centers' distributions differ).
import { chiSquareSurvival } from './chiSquare.ts';

export interface KruskalResult {
  readonly h: number;
  readonly p: number;
  readonly df: number;
}

/** H and its chi-square p value for the groups' values (NaN when every value is tied). */
export function kruskalWallis(groups: readonly (readonly number[])[]): KruskalResult {
  const all = groups.flatMap((values, g) => values.map((v) => ({ v, g })));
  all.sort((a, b) => a.v - b.v);
  const n = all.length;
  const rankSum = new Float64Array(groups.length);
  let ties = 0;
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && all[j + 1].v === all[i].v) j++;
    const rank = (i + j) / 2 + 1; // mid-rank of the tied run
    for (let k = i; k <= j; k++) rankSum[all[k].g] += rank;
    const t = j - i + 1;
    ties += t * t * t - t;
    i = j + 1;
  }
  let h = 0;
  groups.forEach((values, g) => {
    if (values.length > 0) h += (rankSum[g] * rankSum[g]) / values.length;
  });
  h = (12 / (n * (n + 1))) * h - 3 * (n + 1);
  h /= 1 - ties / (n * n * n - n);
  const df = groups.filter((v) => v.length > 0).length - 1;
  return { h, p: Number.isFinite(h) ? chiSquareSurvival(h, df) : NaN, df };
}
