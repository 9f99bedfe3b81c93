// Intraclass correlation from the two-way ANOVA of n targets rated by k raters (Shrout & Fleiss
// 1979; McGraw & Wong 1996 name the same forms ICC(A,1) and ICC(C,1)).
//
// The residual mean square is summed from the residuals themselves, not as SST − SSR − SSC:
// that difference cancels catastrophically when the raters agree (identical features at two
// centers), turning rounding noise into a negative mean square and an ICC of 1.97 or −1.11.
// With every mean square ≥ 0, ICC(3,1) lies in [−1/(k−1), 1] and ICC(2,1) is at most 1 (it has
// no lower bound for tiny n, as the estimator allows).
//
// A feature that does not vary (all values equal, or differing only below a relative 1e-9 of
// their magnitude, i.e. numerical noise) has no between-target variance to compare against: its
// ICC is undefined, returned as NaN with reason 'no-variance', and shown as undefined.

export interface IccResult {
  /** ICC(2,1): two-way random effects, absolute agreement, single rater; NaN when undefined. */
  readonly icc21: number;
  /** ICC(3,1): two-way mixed effects, consistency, single rater; NaN when undefined. */
  readonly icc31: number;
  /** Between-targets, between-raters and residual mean squares. */
  readonly bms: number;
  readonly jms: number;
  readonly ems: number;
  readonly n: number;
  readonly k: number;
  /** Why the ICCs are undefined, when they are: the values do not vary beyond rounding. */
  readonly undefinedReason?: 'no-variance';
}

/** Variation below this fraction of the values' magnitude is rounding, not measurement. */
export const ICC_RELATIVE_NOISE = 1e-9;

/** ratings[i][j]: target i rated by rater j; every target needs every rater's value. */
export function icc(ratings: readonly (readonly number[])[]): IccResult {
  const n = ratings.length;
  const k = ratings[0]?.length ?? 0;
  if (n < 2 || k < 2)
    throw new Error('ICC needs at least two targets each rated by at least two raters.');
  if (ratings.some((r) => r.length !== k))
    throw new Error('Every target must be rated by the same raters.');
  let grand = 0;
  let magnitude = 0;
  for (const r of ratings)
    for (const x of r) {
      grand += x;
      magnitude = Math.max(magnitude, Math.abs(x));
    }
  grand /= n * k;
  const rowMeans = ratings.map((r) => r.reduce((s, x) => s + x, 0) / k);
  const colMeans = Array.from({ length: k }, (_, j) => {
    let s = 0;
    for (const r of ratings) s += r[j];
    return s / n;
  });
  let ssr = 0;
  let ssc = 0;
  let sse = 0;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    ssr += k * (rowMeans[i] - grand) ** 2;
    for (let j = 0; j < k; j++) {
      const x = ratings[i][j];
      sst += (x - grand) ** 2;
      sse += (x - rowMeans[i] - colMeans[j] + grand) ** 2;
    }
  }
  for (let j = 0; j < k; j++) ssc += n * (colMeans[j] - grand) ** 2;
  const bms = ssr / (n - 1);
  const jms = ssc / (k - 1);
  const ems = sse / ((n - 1) * (k - 1));
  const base = { bms, jms, ems, n, k };
  const noise = ICC_RELATIVE_NOISE * magnitude;
  const denominator31 = bms + (k - 1) * ems;
  if (sst <= n * k * noise * noise || !(denominator31 > 0))
    return { ...base, icc21: NaN, icc31: NaN, undefinedReason: 'no-variance' };
  return {
    ...base,
    icc21: (bms - ems) / (bms + (k - 1) * ems + (k * (jms - ems)) / n),
    icc31: (bms - ems) / denominator31,
  };
}
