// Values inside a mask, sorted ascending, and percentiles over them.

/** The masked values as a sorted Float64Array. */
export function sortedMaskedValues(values: ArrayLike<number>, mask: Uint8Array): Float64Array {
  let n = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] !== 0) n++;
  const out = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] !== 0) out[k++] = values[i];
  return out.sort();
}

/** Percentile p (0..100) of sorted values, linearly interpolated between order statistics. */
export function percentile(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = ((n - 1) * p) / 100;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
