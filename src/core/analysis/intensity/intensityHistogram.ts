// IBSI intensity histogram features (family ZVCW), over discretised grey levels 1..Ng.
import { defineFamily } from '../featureDef';
import { statisticsOfCounts } from './intensityStatistics';

export const intensityHistogramDefs = defineFamily('intensity-histogram', [
  ['Mean discretised intensity', 'X6K6', ''],
  ['Discretised intensity variance', 'CH89', ''],
  ['Discretised intensity skewness', '88K1', ''],
  ['(Excess) discretised intensity kurtosis', 'C3I7', ''],
  ['Median discretised intensity', 'WIFQ', ''],
  ['Minimum discretised intensity', '1PR8', ''],
  ['10th discretised intensity percentile', 'GPMT', ''],
  ['90th discretised intensity percentile', 'OZ0C', ''],
  ['Maximum discretised intensity', '3NCY', ''],
  ['Intensity histogram mode', 'AMMC', ''],
  ['Discretised intensity interquartile range', 'WR0O', ''],
  ['Discretised intensity range', '5Z3W', ''],
  ['Intensity histogram mean absolute deviation', 'D2ZX', ''],
  ['Intensity histogram robust mean absolute deviation', 'WRZB', ''],
  ['Intensity histogram median absolute deviation', '4RNL', ''],
  ['Intensity histogram coefficient of variation', 'CWYJ', ''],
  ['Intensity histogram quartile coefficient of dispersion', 'SLWD', ''],
  ['Discretised intensity entropy', 'TLU2', ''],
  ['Discretised intensity uniformity', 'BJ5W', ''],
  ['Maximum histogram gradient', '12CE', ''],
  ['Maximum histogram gradient intensity', '8E6O', ''],
  ['Minimum histogram gradient', 'VQB3', ''],
  ['Minimum histogram gradient intensity', 'RHQZ', ''],
]);

/** Voxel count per grey level; index g holds level g (index 0 unused). */
export function greyLevelHistogram(levels: Uint16Array, levelCount: number): Float64Array {
  const hist = new Float64Array(levelCount + 1);
  for (let i = 0; i < levels.length; i++) {
    const g = levels[i];
    if (g > 0) hist[g]++;
  }
  return hist;
}

/** The 23 features in intensityHistogramDefs order. */
export function intensityHistogram(levels: Uint16Array, levelCount: number): Float64Array {
  const hist = greyLevelHistogram(levels, levelCount);
  let n = 0;
  for (let g = 1; g <= levelCount; g++) n += hist[g];
  // The statistics formulas, applied to the grey levels counted by level (index g is level g).
  const s = statisticsOfCounts(hist, 0, n);

  let mode = 1;
  let entropy = 0;
  let uniformity = 0;
  for (let g = 1; g <= levelCount; g++) {
    if (hist[g] > hist[mode]) mode = g;
    const p = hist[g] / n;
    if (p > 0) entropy -= p * Math.log2(p);
    uniformity += p * p;
  }
  // Histogram gradient: central differences inside, one-sided at both ends.
  let maxGrad = -Infinity;
  let maxGradAt = 1;
  let minGrad = Infinity;
  let minGradAt = 1;
  for (let g = 1; g <= levelCount; g++) {
    let grad: number;
    if (levelCount === 1) grad = 0;
    else if (g === 1) grad = hist[2] - hist[1];
    else if (g === levelCount) grad = hist[g] - hist[g - 1];
    else grad = (hist[g + 1] - hist[g - 1]) / 2;
    if (grad > maxGrad) {
      maxGrad = grad;
      maxGradAt = g;
    }
    if (grad < minGrad) {
      minGrad = grad;
      minGradAt = g;
    }
  }
  return Float64Array.from([
    s[0],
    s[1],
    s[2],
    s[3],
    s[4],
    s[5],
    s[6],
    s[7],
    s[8],
    mode,
    s[9],
    s[10],
    s[11],
    s[12],
    s[13],
    s[14],
    s[15],
    entropy,
    uniformity,
    maxGrad,
    maxGradAt,
    minGrad,
    minGradAt,
  ]);
}
