export interface BlandAltman {
  readonly n: number;
  /** Mean of a - b. */
  readonly bias: number;
  /** Sample standard deviation (n - 1) of a - b. */
  readonly sd: number;
  /** 95% limits of agreement: bias -/+ 1.96 sd (Bland & Altman 1986). */
  readonly lower: number;
  readonly upper: number;
}

export function blandAltman(a: readonly number[], b: readonly number[]): BlandAltman {
  if (a.length !== b.length || a.length < 2)
    throw new Error('Bland-Altman needs at least two paired measurements.');
  const n = a.length;
  const diffs = a.map((x, i) => x - b[i]);
  const bias = diffs.reduce((s, d) => s + d, 0) / n;
  const sd = Math.sqrt(diffs.reduce((s, d) => s + (d - bias) ** 2, 0) / (n - 1));
  return { n, bias, sd, lower: bias - 1.96 * sd, upper: bias + 1.96 * sd };
}
