// Percentiles of large typed arrays in linear time (quickselect), without sorting.

/** The k-th smallest value (0-based) of data; data is reordered in place. */
export function selectKth(data: Float32Array, k: number): number {
  let lo = 0;
  let hi = data.length - 1;
  while (hi > lo) {
    // Median of three as pivot keeps sorted and constant inputs linear.
    const mid = (lo + hi) >> 1;
    const a = data[lo];
    const b = data[mid];
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
    else return data[k];
  }
  return data[k];
}

/** Percentile p (0..100) of values, nearest rank; values are not modified. */
export function percentileOf(values: Float32Array, p: number): number {
  const copy = values.slice();
  const k = Math.min(copy.length - 1, Math.max(0, Math.round(((copy.length - 1) * p) / 100)));
  return selectKth(copy, k);
}
