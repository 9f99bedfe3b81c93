// IBSI intensity-based statistical features (family UHIW), over the intensity mask.
import { defineFamily } from '../featureDef';
import type { VoxelValues } from '../volume';
import { countIntegers, maskedValues, percentiles, percentilesOfCounts } from './sortedValues';

export const intensityStatisticsDefs = defineFamily('intensity-statistics', [
  ['Mean intensity', 'Q4LE', 'I'],
  ['Intensity variance', 'ECT3', 'I^2'],
  ['Intensity skewness', 'KE2A', ''],
  ['(Excess) intensity kurtosis', 'IPH6', ''],
  ['Median intensity', 'Y12H', 'I'],
  ['Minimum intensity', '1GSF', 'I'],
  ['10th intensity percentile', 'QG58', 'I'],
  ['90th intensity percentile', '8DWT', 'I'],
  ['Maximum intensity', '84IY', 'I'],
  ['Intensity interquartile range', 'SALO', 'I'],
  ['Intensity range', '2OJQ', 'I'],
  ['Intensity-based mean absolute deviation', '4FUA', 'I'],
  ['Intensity-based robust mean absolute deviation', '1128', 'I'],
  ['Intensity-based median absolute deviation', 'N72L', 'I'],
  ['Intensity-based coefficient of variation', '7TET', ''],
  ['Intensity-based quartile coefficient of dispersion', '9S40', ''],
  ['Intensity-based energy', 'N8CA', 'I^2'],
  ['Root mean square intensity', '5ZWQ', 'I'],
]);

/**
 * The 18 statistics, in intensityStatisticsDefs order, over the values inside mask (all values
 * without one). Integer-valued data (modality values usually are) are counted by value and the
 * statistics taken from the counts, without copying the voxels; other data are copied out (or,
 * without a mask, a Float64Array is reordered in place) and selected.
 */
export function intensityStatistics(
  values: VoxelValues | Float64Array,
  mask?: Uint8Array,
): Float64Array {
  const counted = countIntegers(values, mask);
  if (counted) {
    const { counts, lo, n } = counted;
    // Sums of integers are exact below 2^53, so the mean, energy and the sums over the robust
    // range equal the voxel-by-voxel sums bit for bit; beyond that keep the voxel order.
    // (At least 4: the sum of |v - median| <= 2 maxAbs per value is then exact too.)
    const maxAbs = Math.max(4, Math.abs(lo), Math.abs(lo + counts.length - 1));
    if (maxAbs * maxAbs * n < 2 ** 53) return statisticsOfCounts(counts, lo, n);
  }
  if (mask) return statisticsOfValues(maskedValues(values, mask));
  return statisticsOfValues(values instanceof Float64Array ? values : Float64Array.from(values));
}

/**
 * The 18 statistics of n values given as counts per value: counts[b] values equal lo + b (any
 * numeric array, e.g. a grey-level histogram). Deviations are summed bin by bin (count times
 * term), which rounds differently from voxel-by-voxel sums only in the last bits.
 * Shared with the intensity histogram family, which applies the same formulas to grey levels.
 */
export function statisticsOfCounts(counts: ArrayLike<number>, lo: number, n: number): Float64Array {
  const bins = counts.length;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let sumSq = 0;
  for (let b = 0; b < bins; b++) {
    const c = counts[b];
    if (c === 0) continue;
    const v = lo + b;
    if (v < min) min = v;
    max = v;
    sum += c * v;
    sumSq += c * v * v;
  }
  const mean = sum / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  let mad = 0;
  for (let b = 0; b < bins; b++) {
    const c = counts[b];
    if (c === 0) continue;
    const d = lo + b - mean;
    const d2 = d * d;
    m2 += c * d2;
    m3 += c * (d2 * d);
    m4 += c * (d2 * d2);
    mad += c * Math.abs(d);
  }
  m2 /= n;
  m3 /= n;
  m4 /= n;
  mad /= n;
  const [p10, p25, median, p75, p90] = percentilesOfCounts(counts, lo, n, [10, 25, 50, 75, 90]);
  let rSum = 0;
  let rN = 0;
  for (let b = 0; b < bins; b++) {
    const v = lo + b;
    if (v >= p10 && v <= p90) {
      rSum += counts[b] * v;
      rN += counts[b];
    }
  }
  const rMean = rSum / rN;
  let rMad = 0;
  let medAd = 0;
  for (let b = 0; b < bins; b++) {
    const c = counts[b];
    if (c === 0) continue;
    const v = lo + b;
    if (v >= p10 && v <= p90) rMad += c * Math.abs(v - rMean);
    medAd += c * Math.abs(v - median);
  }
  return featureVector({
    mean,
    m2,
    m3,
    m4,
    mad,
    min,
    max,
    p10,
    p25,
    median,
    p75,
    p90,
    sumSq,
    n,
    robustMad: rMad / rN,
    medianAd: medAd / n,
  });
}

/**
 * The 18 statistics voxel by voxel: the path for values that are not all integers, and the
 * reference the counted path is tested against. values is reordered in place.
 */
export function statisticsOfValues(values: Float64Array): Float64Array {
  const n = values.length;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    sum += v;
    sumSq += v * v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = sum / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  let mad = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
    mad += Math.abs(d);
  }
  m2 /= n;
  m3 /= n;
  m4 /= n;
  mad /= n;
  const [p10, p25, median, p75, p90] = percentiles(values, [10, 25, 50, 75, 90]);
  // Robust MAD: mean absolute deviation of the values between the 10th and 90th percentiles.
  let rSum = 0;
  let rN = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v >= p10 && v <= p90) {
      rSum += v;
      rN++;
    }
  }
  const rMean = rSum / rN;
  let rMad = 0;
  let medAd = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v >= p10 && v <= p90) rMad += Math.abs(v - rMean);
    medAd += Math.abs(v - median);
  }
  return featureVector({
    mean,
    m2,
    m3,
    m4,
    mad,
    min,
    max,
    p10,
    p25,
    median,
    p75,
    p90,
    sumSq,
    n,
    robustMad: rMad / rN,
    medianAd: medAd / n,
  });
}

interface Moments {
  n: number;
  mean: number;
  /** Central moments 2..4 and the mean absolute deviation, already divided by n. */
  m2: number;
  m3: number;
  m4: number;
  mad: number;
  min: number;
  max: number;
  p10: number;
  p25: number;
  median: number;
  p75: number;
  p90: number;
  robustMad: number;
  medianAd: number;
  sumSq: number;
}

function featureVector(s: Moments): Float64Array {
  const { m2, p25, p75 } = s;
  return Float64Array.from([
    s.mean,
    m2,
    m2 === 0 ? 0 : s.m3 / Math.pow(m2, 1.5),
    m2 === 0 ? 0 : s.m4 / (m2 * m2) - 3,
    s.median,
    s.min,
    s.p10,
    s.p90,
    s.max,
    p75 - p25,
    s.max - s.min,
    s.mad,
    s.robustMad,
    s.medianAd,
    Math.sqrt(m2) / s.mean,
    (p75 - p25) / (p75 + p25),
    s.sumSq,
    Math.sqrt(s.sumSq / s.n),
  ]);
}
