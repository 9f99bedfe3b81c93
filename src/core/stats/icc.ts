// Intraclass correlation from the two-way ANOVA of n targets rated by k raters (Shrout & Fleiss
// 1979; McGraw & Wong 1996 name the same forms ICC(A,1) and ICC(C,1)).

export interface IccResult {
  /** ICC(2,1): two-way random effects, absolute agreement, single rater. */
  readonly icc21: number;
  /** ICC(3,1): two-way mixed effects, consistency, single rater. */
  readonly icc31: number;
  /** Between-targets, between-raters and residual mean squares. */
  readonly bms: number;
  readonly jms: number;
  readonly ems: number;
  readonly n: number;
  readonly k: number;
}

/** ratings[i][j]: target i rated by rater j; every target needs every rater's value. */
export function icc(ratings: readonly (readonly number[])[]): IccResult {
  const n = ratings.length;
  const k = ratings[0]?.length ?? 0;
  if (n < 2 || k < 2)
    throw new Error('ICC needs at least two targets each rated by at least two raters.');
  if (ratings.some((r) => r.length !== k))
    throw new Error('Every target must be rated by the same raters.');
  let grand = 0;
  for (const r of ratings) for (const x of r) grand += x;
  grand /= n * k;
  let ssr = 0;
  let ssc = 0;
  let sst = 0;
  for (const r of ratings) {
    const mean = r.reduce((s, x) => s + x, 0) / k;
    ssr += k * (mean - grand) ** 2;
    for (const x of r) sst += (x - grand) ** 2;
  }
  for (let j = 0; j < k; j++) {
    let mean = 0;
    for (const r of ratings) mean += r[j];
    ssc += n * (mean / n - grand) ** 2;
  }
  const bms = ssr / (n - 1);
  const jms = ssc / (k - 1);
  const ems = (sst - ssr - ssc) / ((n - 1) * (k - 1));
  return {
    icc21: (bms - ems) / (bms + (k - 1) * ems + (k * (jms - ems)) / n),
    icc31: (bms - ems) / (bms + (k - 1) * ems),
    bms,
    jms,
    ems,
    n,
    k,
  };
}
