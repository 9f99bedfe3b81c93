// The k-th order statistic in linear time (Hoare quickselect), shared by edge thresholds and
// intensity percentiles.

/** Moves the k-th smallest value (0-based) of data[lo..] to index k; data is reordered in place. */
export function quickselect(data: Float32Array | Float64Array, k: number, lo = 0): void {
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
