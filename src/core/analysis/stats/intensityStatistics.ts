// IBSI intensity-based statistical features (family UHIW), over the intensity mask.
import { defineFamily } from '../featureDef';
import { percentiles } from './sortedValues';

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
 * The 18 statistics, in intensityStatisticsDefs order. values is reordered in place.
 * Shared with the intensity histogram family, which applies the same formulas to grey levels.
 */
export function intensityStatistics(values: Float64Array): Float64Array {
  const sorted = values; // only partly ordered: percentiles select, they do not sort
  const n = sorted.length;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const v = sorted[i];
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
    const d = sorted[i] - mean;
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
  const [p10, p25, median, p75, p90] = percentiles(sorted, [10, 25, 50, 75, 90]);
  // Robust MAD: mean absolute deviation of the values between the 10th and 90th percentiles.
  let rSum = 0;
  let rN = 0;
  for (let i = 0; i < n; i++) {
    const v = sorted[i];
    if (v >= p10 && v <= p90) {
      rSum += v;
      rN++;
    }
  }
  const rMean = rSum / rN;
  let rMad = 0;
  let medAd = 0;
  for (let i = 0; i < n; i++) {
    const v = sorted[i];
    if (v >= p10 && v <= p90) rMad += Math.abs(v - rMean);
    medAd += Math.abs(v - median);
  }
  return Float64Array.from([
    mean,
    m2,
    m2 === 0 ? 0 : m3 / Math.pow(m2, 1.5),
    m2 === 0 ? 0 : m4 / (m2 * m2) - 3,
    median,
    min,
    p10,
    p90,
    max,
    p75 - p25,
    max - min,
    mad,
    rMad / rN,
    medAd / n,
    Math.sqrt(m2) / mean,
    (p75 - p25) / (p75 + p25),
    sumSq,
    Math.sqrt(sumSq / n),
  ]);
}
