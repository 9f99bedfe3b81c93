// Values inside a mask, and percentiles over them by selection (linear time, no full sort).
import { quickselect } from '../quickselect';

/** The masked values, in voxel order. */
export function maskedValues(values: ArrayLike<number>, mask: Uint8Array): Float64Array {
  let n = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] !== 0) n++;
  const out = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] !== 0) out[k++] = values[i];
  return out;
}

/** Largest integer value range counted directly (4 M bins, 16 MB of counts). */
const maxCountingRange = 1 << 22;

/**
 * Order statistics at 0-based ranks by counting, for integer-valued data (modality
 * values usually are): one pass, no reordering. Returns null when the data do not qualify.
 */
function countedOrderStatistics(data: Float64Array, ranks: readonly number[]): number[] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v !== Math.floor(v)) return null;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi - lo < maxCountingRange)) return null;
  const counts = new Int32Array(hi - lo + 1);
  for (let i = 0; i < data.length; i++) counts[data[i] - lo]++;
  // Walk the cumulative counts once, visiting the ranks in ascending order.
  const order = ranks.map((_, k) => k).sort((a, b) => ranks[a] - ranks[b]);
  const out: number[] = new Array<number>(ranks.length);
  let seen = 0;
  let bin = 0;
  for (const k of order) {
    while (seen + counts[bin] <= ranks[k]) seen += counts[bin++];
    out[k] = bin + lo;
  }
  return out;
}

/**
 * Percentiles (0..100) linearly interpolated between order statistics, as numpy's default.
 * data may be reordered in place. ps must be ascending.
 */
export function percentiles(data: Float64Array, ps: readonly number[]): number[] {
  const n = data.length;
  const positions = ps.map((p) => ((n - 1) * p) / 100);
  const ranks = positions.flatMap((pos) => [Math.floor(pos), Math.min(n - 1, Math.floor(pos) + 1)]);
  const counted = countedOrderStatistics(data, ranks);
  if (counted) {
    return positions.map((pos, k) => {
      const a = counted[2 * k];
      return a + (counted[2 * k + 1] - a) * (pos - Math.floor(pos));
    });
  }
  const out: number[] = [];
  let lo = 0;
  for (const pos of positions) {
    const k = Math.floor(pos);
    quickselect(data, k, lo);
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
