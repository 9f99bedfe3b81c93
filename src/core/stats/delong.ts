// DeLong, DeLong & Clarke-Pearson (1988): the variance of an empirical AUC from its structural
// components, giving a confidence interval without assuming a distribution of the scores.

export interface AucInterval {
  readonly auc: number;
  readonly se: number;
  readonly lower: number;
  readonly upper: number;
}

const Z95 = 1.959963984540054;

function midranks(values: readonly number[]): Float64Array {
  const order = values.map((_, i) => i).sort((i, j) => values[i] - values[j]);
  const ranks = new Float64Array(values.length);
  for (let a = 0; a < order.length;) {
    let b = a;
    while (b < order.length && values[order[b]] === values[order[a]]) b++;
    for (let t = a; t < b; t++) ranks[order[t]] = (a + b + 1) / 2;
    a = b;
  }
  return ranks;
}

function variance(xs: Float64Array, mean: number): number {
  let s = 0;
  for (const x of xs) s += (x - mean) ** 2;
  return s / (xs.length - 1);
}

/** AUC with DeLong standard error and a 95% interval clipped to [0, 1]; O(N log N) via midranks. */
export function delongInterval(scores: readonly number[], truth: readonly boolean[]): AucInterval {
  const pos = scores.filter((_, i) => truth[i]);
  const neg = scores.filter((_, i) => !truth[i]);
  const m = pos.length;
  const n = neg.length;
  if (m < 2 || n < 2)
    throw new Error('A DeLong interval needs at least two positive and two negative cases.');
  const all = midranks([...pos, ...neg]);
  const rp = midranks(pos);
  const rn = midranks(neg);
  const v10 = new Float64Array(m);
  const v01 = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < m; i++) {
    v10[i] = (all[i] - rp[i]) / n;
    sum += all[i];
  }
  for (let j = 0; j < n; j++) v01[j] = 1 - (all[m + j] - rn[j]) / m;
  const auc = (sum - (m * (m + 1)) / 2) / (m * n);
  const se = Math.sqrt(variance(v10, auc) / m + variance(v01, auc) / n);
  return { auc, se, lower: Math.max(0, auc - Z95 * se), upper: Math.min(1, auc + Z95 * se) };
}
