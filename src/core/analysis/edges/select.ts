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
 * Percentiles ps (0..100, nearest rank, as percentileOf) of values, which are not modified.
 * Non-negative float32 values order as their bit patterns do, so one pass counts the top 16
 * bits (finding the bucket of each rank) and a second counts the low 16 bits inside those
 * buckets. Any negative or NaN value falls back to quickselect.
 */
export function percentilesOf(values: Float32Array, ps: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return ps.map(() => NaN);
  const bits = new Uint32Array(values.buffer, values.byteOffset, n);
  const top = new Uint32Array(65536);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bits[i];
    // Above +Infinity's pattern: NaN, or a sign bit set (negative, or -0).
    bad |= b > 0x7f800000 ? 1 : 0;
    top[b >>> 16]++;
  }
  if (bad) return ps.map((p) => percentileOf(values, p));
  // Each rank's bucket and its rank inside the bucket.
  const targets = ps.map((p) => {
    let k = rankOf(n, p);
    let bucket = 0;
    while (k >= top[bucket]) k -= top[bucket++];
    return { bucket, k };
  });
  const buckets = [...new Set(targets.map((t) => t.bucket))];
  const lows = buckets.map(() => new Uint32Array(65536));
  // Bucket -> its slot in lows, or -1.
  const slot = new Int8Array(65536).fill(-1);
  buckets.forEach((b, j) => (slot[b] = j));
  for (let i = 0; i < n; i++) {
    const j = slot[bits[i] >>> 16];
    if (j >= 0) lows[j][bits[i] & 0xffff]++;
  }
  const out = new Float32Array(1);
  const outBits = new Uint32Array(out.buffer);
  return targets.map(({ bucket, k }) => {
    const low = lows[buckets.indexOf(bucket)];
    let v = 0;
    while (k >= low[v]) k -= low[v++];
    outBits[0] = ((bucket << 16) | v) >>> 0;
    return out[0];
  });
}
