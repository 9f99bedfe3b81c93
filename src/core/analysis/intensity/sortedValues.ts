// Values inside a mask, counted by value or copied out, and percentiles over them by counting
// or selection (linear time, no full sort).
import { quickselect } from '../quickselect';
import type { VoxelValues } from '../volume';

/** The masked values, in voxel order. */
export function maskedValues(values: ArrayLike<number>, mask: Uint8Array): Float64Array {
  let n = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] !== 0) n++;
  const out = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] !== 0) out[k++] = values[i];
  return out;
}

/** Integer values counted by value: counts[b] of the n values equal lo + b. */
export interface ValueCounts {
  counts: Int32Array;
  lo: number;
  n: number;
}

/** Largest integer value range counted directly (4 M bins, 16 MB of counts). */
const maxCountingRange = 1 << 22;

/** The window counted in one pass, without a first pass for the range: int16 and uint16. */
const windowLo = -32768;
const windowBins = 65536 + 32768;

/** Masks are mostly runs of 0 and of 1: four mask bytes read as one word. */
const allOnes = 0x01010101;

/**
 * The values (those inside mask, if given) counted by value, for integer-valued data (modality
 * values usually are): no copy, no reordering. Null when a value is not an integer, when there
 * are none, or when their range is too wide to count (more than 4 M bins, or many more bins
 * than values, where selection is cheaper than walking the bins).
 */
export function countIntegers(
  values: VoxelValues | Float64Array,
  mask?: Uint8Array,
): ValueCounts | null {
  // Most data fit the int16/uint16 window: count them in one pass, then find the range in the
  // counts. Otherwise a first pass finds the range.
  const window = new Int32Array(windowBins);
  const counted = mask ? countMaskedInWindow(values, mask, window) : countInWindow(values, window);
  if (counted === notInteger) return null;
  if (counted === outsideWindow) return countInRange(values, mask);
  const n = counted;
  let first = 0;
  while (first < windowBins && window[first] === 0) first++;
  let last = windowBins - 1;
  while (last > first && window[last] === 0) last--;
  if (!countable(last - first, n)) return null;
  return { counts: window.subarray(first, last + 1), lo: first + windowLo, n };
}

const notInteger = -1;
const outsideWindow = -2;

function countable(range: number, n: number): boolean {
  return n > 0 && range < Math.min(maxCountingRange, 4096 + 8 * n);
}

/** Counts values into counts[v - windowLo]; returns how many, notInteger or outsideWindow. */
function countInWindow(values: VoxelValues | Float64Array, counts: Int32Array): number {
  // int16 and uint16 values are integers inside the window: no checks, one loop per type.
  if (values instanceof Int16Array) return countInt16(values, counts);
  if (values instanceof Uint16Array) return countUint16(values, counts);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const b = (v | 0) - windowLo;
    if (b + windowLo !== v) return v === Math.floor(v) ? outsideWindow : notInteger;
    if (b >>> 0 >= windowBins) return outsideWindow;
    counts[b]++;
  }
  return values.length;
}

function countInt16(values: Int16Array, counts: Int32Array): number {
  for (let i = 0; i < values.length; i++) counts[values[i] - windowLo]++;
  return values.length;
}

function countUint16(values: Uint16Array, counts: Int32Array): number {
  for (let i = 0; i < values.length; i++) counts[values[i] - windowLo]++;
  return values.length;
}

/** countInWindow over the values inside mask, skipping empty stretches of the mask by word. */
function countMaskedInWindow(
  values: VoxelValues | Float64Array,
  mask: Uint8Array,
  counts: Int32Array,
): number {
  let n = 0;
  let i = 0;
  if (mask.byteOffset % 4 === 0) {
    const words = new Uint32Array(mask.buffer, mask.byteOffset, (mask.length >> 3) << 1);
    for (let w = 0; w < words.length; w += 2, i += 8) {
      const w0 = words[w];
      const w1 = words[w + 1];
      if ((w0 | w1) === 0) continue;
      const full = w0 === allOnes && w1 === allOnes;
      for (let k = i; k < i + 8; k++) {
        if (!full && mask[k] === 0) continue;
        const v = values[k];
        const b = (v | 0) - windowLo;
        if (b + windowLo !== v) return v === Math.floor(v) ? outsideWindow : notInteger;
        if (b >>> 0 >= windowBins) return outsideWindow;
        counts[b]++;
        n++;
      }
    }
  }
  for (; i < mask.length; i++) {
    if (mask[i] === 0) continue;
    const v = values[i];
    const b = (v | 0) - windowLo;
    if (b + windowLo !== v) return v === Math.floor(v) ? outsideWindow : notInteger;
    if (b >>> 0 >= windowBins) return outsideWindow;
    counts[b]++;
    n++;
  }
  return n;
}

/** Counting with a first pass for the range, for integers outside the int16/uint16 window. */
function countInRange(values: VoxelValues | Float64Array, mask?: Uint8Array): ValueCounts | null {
  let lo = Infinity;
  let hi = -Infinity;
  let n = 0;
  if (mask) {
    for (let i = 0; i < mask.length; i++) {
      if (mask[i] === 0) continue;
      const v = values[i];
      if (v !== Math.floor(v)) return null; // also NaN
      if (v < lo) lo = v;
      if (v > hi) hi = v;
      n++;
    }
  } else {
    n = values.length;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v !== Math.floor(v)) return null;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (!countable(hi - lo, n)) return null;
  const counts = new Int32Array(hi - lo + 1);
  if (mask) {
    for (let i = 0; i < mask.length; i++) if (mask[i] !== 0) counts[values[i] - lo]++;
  } else {
    for (let i = 0; i < n; i++) counts[values[i] - lo]++;
  }
  return { counts, lo, n };
}

/** Ranks and fractions of percentiles (0..100) among n values, interpolated as numpy's default. */
function percentileRanks(
  n: number,
  ps: readonly number[],
): { positions: number[]; ranks: number[] } {
  const positions = ps.map((p) => ((n - 1) * p) / 100);
  const ranks = positions.flatMap((pos) => [Math.floor(pos), Math.min(n - 1, Math.floor(pos) + 1)]);
  return { positions, ranks };
}

/**
 * Percentiles (0..100) of n values given as counts per value (counts[b] values equal lo + b;
 * any numeric array, e.g. a grey-level histogram), linearly interpolated between order
 * statistics as numpy's default. ps must be ascending.
 */
export function percentilesOfCounts(
  counts: ArrayLike<number>,
  lo: number,
  n: number,
  ps: readonly number[],
): number[] {
  const { positions, ranks } = percentileRanks(n, ps);
  // Walk the cumulative counts once, visiting the ranks in ascending order.
  const order = ranks.map((_, k) => k).sort((a, b) => ranks[a] - ranks[b]);
  const at: number[] = new Array<number>(ranks.length);
  let seen = 0;
  let bin = 0;
  for (const k of order) {
    while (seen + counts[bin] <= ranks[k]) seen += counts[bin++];
    at[k] = bin + lo;
  }
  return positions.map((pos, k) => {
    const a = at[2 * k];
    return a + (at[2 * k + 1] - a) * (pos - Math.floor(pos));
  });
}

/**
 * Percentiles (0..100) linearly interpolated between order statistics, as numpy's default.
 * data may be reordered in place. ps must be ascending.
 */
export function percentiles(data: Float64Array, ps: readonly number[]): number[] {
  const counted = countIntegers(data);
  if (counted) return percentilesOfCounts(counted.counts, counted.lo, counted.n, ps);
  const n = data.length;
  const { positions } = percentileRanks(n, ps);
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
