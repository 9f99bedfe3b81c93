export interface ConfusionMatrix {
  /** Category order of rows (rater A) and columns (rater B). */
  readonly labels: readonly string[];
  /** counts[i][j]: cases rater A put in labels[i] and rater B in labels[j]. */
  readonly counts: readonly (readonly number[])[];
  readonly n: number;
}

/** Cross-tabulate two raters' labels for the same cases; labels default to sorted order. */
export function confusionMatrix(
  a: readonly string[],
  b: readonly string[],
  labels?: readonly string[],
): ConfusionMatrix {
  if (a.length !== b.length)
    throw new Error(
      `The two raters labelled ${a.length} and ${b.length} cases; they must label the same cases.`,
    );
  const order = labels ?? [...new Set([...a, ...b])].sort();
  const index = new Map(order.map((l, i) => [l, i]));
  const counts = order.map(() => order.map(() => 0));
  for (let i = 0; i < a.length; i++) {
    const r = index.get(a[i]);
    const c = index.get(b[i]);
    if (r === undefined || c === undefined)
      throw new Error(`Label "${r === undefined ? a[i] : b[i]}" is not among the categories.`);
    counts[r][c]++;
  }
  return { labels: order, counts, n: a.length };
}
