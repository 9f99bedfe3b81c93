// Percentiles of large typed arrays in linear time (quickselect), without sorting.
import { quickselect } from '../quickselect';

/** The k-th smallest value (0-based) of data; data is reordered in place. */
export function selectKth(data: Float32Array, k: number): number {
  quickselect(data, k);
  return data[k];
}

/** Percentile p (0..100) of values, nearest rank; values are not modified. */
export function percentileOf(values: Float32Array, p: number): number {
  const copy = values.slice();
  const k = Math.min(copy.length - 1, Math.max(0, Math.round(((copy.length - 1) * p) / 100)));
  return selectKth(copy, k);
}
