// Values inside a mask, and percentiles over them by selection (linear time, no full sort).

/** The masked values, in voxel order. */
export function maskedValues(values: ArrayLike<number>, mask: Uint8Array): Float64Array {
  let n = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] !== 0) n++;
  const out = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] !== 0) out[k++] = values[i];
  return out;
}

/** Moves the k-th smallest value (0-based) of data[lo..] to index k (quickselect, Hoare). */
function select(data: Float64Array, k: number, lo: number): void {
  let hi = data.length - 1;
  while (hi > lo) {
    // Median of three as pivot keeps sorted and constant inputs linear.
    const a = data[lo];
    const b = data[(lo + hi) >> 1];
    const c = data[hi];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (data[i] < pivot) i++;
      while (data[j] > pivot) j--;
      if (i <= j) {
        const t = data[i];
        data[i] = data[j];
        data[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/**
 * Percentiles (0..100) linearly interpolated between order statistics, as numpy's default.
 * data is reordered in place. ps must be ascending.
 */
export function percentiles(data: Float64Array, ps: readonly number[]): number[] {
  const n = data.length;
  const out: number[] = [];
  let lo = 0;
  for (const p of ps) {
    const pos = ((n - 1) * p) / 100;
    const k = Math.floor(pos);
    select(data, k, lo);
    lo = k;
    // Everything after k is >= data[k]: the next order statistic is their minimum.
    let next = data[k];
    if (pos > k) {
      next = Infinity;
      for (let i = k + 1; i < n; i++) if (data[i] < next) next = data[i];
    }
    out.push(data[k] + (next - data[k]) * (pos - k));
  }
  return out;
}
