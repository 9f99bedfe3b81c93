// Percentiles of large typed arrays in linear time, without sorting: quickselect in general,
// a two-pass radix select for gradient magnitudes (non-negative), which copies nothing.
import { quickselect } from '../quickselect';

/** The k-th smallest value (0-based) of data; data is reordered in place. */
export function selectKth(data: Float32Array, k: number): number {
  quickselect(data, k);
  return data[k];
}

/** The 0-based rank of percentile p (0..100) among n values, nearest rank. */
function rankOf(n: number, p: number): number {
  return Math.min(n - 1, Math.max(0, Math.round(((n - 1) * p) / 100)));
}

/** Percentile p (0..100) of values, nearest rank; values are not modified. */
export function percentileOf(values: Float32Array, p: number): number {
  return selectKth(values.slice(), rankOf(values.length, p));
}

/**
 * The two counting passes of a radix select over float32 bit patterns, which order as the values
 * do when none is negative: here in TypeScript, or by a WASM kernel on its own memory.
 */
export interface RadixCounts {
  /** Counts of the top 16 bits (32768 buckets, the sign bit clear), or null where a value is
   * negative (or -0), infinite or NaN. */
  top(): Int32Array | null;
  /** Counts of the low 16 bits of the values in bucket b0, and in bucket b1. */
  low(b0: number, b1: number): [Int32Array, Int32Array];
}

function countsOf(values: Float32Array): RadixCounts {
  // Int32, not Uint32: V8 keeps int32 loads in registers; uint32 ones above 2^31 become doubles.
  const bits = new Int32Array(values.buffer, values.byteOffset, values.length);
  return {
    top() {
      const top = new Int32Array(32768);
      let bad = 0;
      for (let i = 0; i < bits.length; i++) {
        const b = bits[i];
        bad |= (b < 0 ? 1 : 0) | (b >= 0x7f800000 ? 1 : 0);
        top[(b >> 16) & 0x7fff]++;
      }
      return bad ? null : top;
    },
    low(b0, b1) {
      const low0 = new Int32Array(65536);
      const low1 = new Int32Array(65536);
      for (let i = 0; i < bits.length; i++) {
        const t = bits[i] >> 16;
        if (t === b0) low0[bits[i] & 0xffff]++;
        else if (t === b1) low1[bits[i] & 0xffff]++;
      }
      return [low0, low1];
    },
  };
}

/**
 * Percentiles ps (0..100, nearest rank, as percentileOf) of values, which are not modified. One
 * pass counts the top 16 bits of the values' patterns, finding the bucket of each rank; a second
 * counts the low 16 bits inside those buckets. Negative, infinite or NaN values go to quickselect.
 */
export function percentilesOf(
  values: Float32Array,
  ps: readonly number[],
  counts: RadixCounts = countsOf(values),
): number[] {
  const n = values.length;
  if (n === 0) return ps.map(() => NaN);
  const top = counts.top();
  if (!top) return ps.map((p) => percentileOf(values, p));
  // Each rank's bucket and its rank inside the bucket.
  const targets = ps.map((p) => {
    let k = rankOf(n, p);
    let bucket = 0;
    while (k >= top[bucket]) k -= top[bucket++];
    return { bucket, k };
  });
  const buckets = [...new Set(targets.map((t) => t.bucket))];
  const out = new Float32Array(ps.length);
  const outBits = new Int32Array(out.buffer);
  // Two buckets per counting pass; each rank is resolved before the next pass reuses the tables.
  for (let j = 0; j < buckets.length; j += 2) {
    const pair = [buckets[j], j + 1 < buckets.length ? buckets[j + 1] : -1];
    const lows = counts.low(pair[0], pair[1]);
    targets.forEach(({ bucket, k }, t) => {
      const low = lows[pair.indexOf(bucket)];
      if (!low) return;
      let v = 0;
      while (k >= low[v]) k -= low[v++];
      outBits[t] = (bucket << 16) | v;
    });
  }
  return [...out];
}
