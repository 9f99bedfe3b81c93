// IBSI intensity-volume histogram features (family P88C), on grey levels: the fraction of the
// ROI volume nu(i) at or above each grey level i, between the ROI's lowest and highest level.
import { defineFamily } from '../featureDef';
import { greyLevelHistogram } from './intensityHistogram';

export const intensityVolumeHistogramDefs = defineFamily('intensity-volume-histogram', [
  ['Volume at intensity fraction [volume fraction at 10% intensity]', 'BC2M', ''],
  ['Volume at intensity fraction [volume fraction at 90% intensity]', 'BC2M', ''],
  ['Intensity at volume fraction [intensity at 10% volume]', 'GBPN', 'I'],
  ['Intensity at volume fraction [intensity at 90% volume]', 'GBPN', 'I'],
  ['Volume fraction difference between intensity fractions', 'DDTU', ''],
  ['Intensity fraction difference between volume fractions', 'CNV2', 'I'],
]);

export function intensityVolumeHistogram(levels: Uint16Array, levelCount: number): Float64Array {
  const hist = greyLevelHistogram(levels, levelCount);
  let lo = 0;
  let hi = 0;
  let n = 0;
  for (let g = 1; g <= levelCount; g++) {
    if (hist[g] === 0) continue;
    if (lo === 0) lo = g;
    hi = g;
    n += hist[g];
  }
  // nu[g]: fraction of voxels with level >= g.
  const nu = new Float64Array(levelCount + 2);
  for (let g = levelCount; g >= 1; g--) nu[g] = nu[g + 1] + hist[g] / n;
  const volumeAt = (fraction: number): number => {
    for (let g = lo; g <= hi; g++) {
      const gamma = hi > lo ? (g - lo) / (hi - lo) : 0;
      if (gamma >= fraction) return nu[g];
    }
    return 0;
  };
  const intensityAt = (fraction: number): number => {
    for (let g = lo; g <= hi; g++) if (nu[g] <= fraction) return g;
    return hi + 1;
  };
  const v10 = volumeAt(0.1);
  const v90 = volumeAt(0.9);
  const i10 = intensityAt(0.1);
  const i90 = intensityAt(0.9);
  return Float64Array.from([v10, v90, i10, i90, v10 - v90, i10 - i90]);
}
