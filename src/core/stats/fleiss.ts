/**
 * Fleiss' kappa (Fleiss 1971) for more than two raters: counts[i][j] is how many raters put
 * subject i in category j; every subject needs the same number of ratings.
 */
export function fleissKappa(counts: readonly (readonly number[])[]): number {
  const subjects = counts.length;
  const raters = counts[0]?.reduce((s, x) => s + x, 0) ?? 0;
  if (subjects === 0 || raters < 2)
    throw new Error("Fleiss' kappa needs subjects rated by at least two raters.");
  if (counts.some((r) => r.reduce((s, x) => s + x, 0) !== raters))
    throw new Error('Every subject must have the same number of ratings.');
  const categories = counts[0].length;
  let observed = 0;
  for (const row of counts)
    observed += (row.reduce((s, x) => s + x * x, 0) - raters) / (raters * (raters - 1));
  observed /= subjects;
  let expected = 0;
  for (let j = 0; j < categories; j++) {
    const p = counts.reduce((s, r) => s + r[j], 0) / (subjects * raters);
    expected += p * p;
  }
  return (observed - expected) / (1 - expected);
}
