// IBSI intensity-volume histogram features (family P88C, reference manual section 3.5): the
// fraction of the ROI volume nu(i) at or above each intensity i of the range G, on intensities
// with their own discretisation:
// - none (definite, discrete units such as CT HU): i steps by 1 over G, which is the
//   re-segmentation range (an open bound: the ROI's extreme) or else the ROI's [min, max];
// - fixed bin size w (definite, continuous units): i are bin centres X_min + (bin - 0.5) w, bins
//   counted from the lower re-segmentation bound (else the ROI minimum) up to the upper bound;
// - fixed bin number N (arbitrary units): i are the grey levels 1..N over the ROI's range.
// Intensities are reported in image units, except for fixed bin number (grey levels).
import type { Discretisation, ResegmentRange } from '../discretise';
import { defineFamily } from '../featureDef';
import { analysisError, type VoxelValues } from '../volume';
import { countIntegers } from './sortedValues';

export const intensityVolumeHistogramDefs = defineFamily('intensity-volume-histogram', [
  ['Volume at intensity fraction [volume fraction at 10% intensity]', 'BC2M', ''],
  ['Volume at intensity fraction [volume fraction at 90% intensity]', 'BC2M', ''],
  ['Intensity at volume fraction [intensity at 10% volume]', 'GBPN', 'I'],
  ['Intensity at volume fraction [intensity at 90% volume]', 'GBPN', 'I'],
  ['Volume fraction difference between intensity fractions', 'DDTU', ''],
  ['Intensity fraction difference between volume fractions', 'CNV2', 'I'],
]);

/** IBSI's bin number for arbitrary units. */
export const ivhDefaultBinCount = 1000;
/** Intensities the histogram may hold; more needs a coarser IVH discretisation. */
const maxLevels = 1 << 22;

export interface IvhResult {
  values: Float64Array;
  /** The discretisation used (the default resolved from the data). */
  discretisation: Discretisation;
  /** True when intensities are grey levels (fixed bin number), not image units. */
  greyLevels: boolean;
}

function finite(v: number | null | undefined): v is number {
  return v != null && Number.isFinite(v);
}

/**
 * The features of the voxels in `mask` (the intensity mask; none: every voxel). `range` is the user's
 * re-segmentation range (not widened or narrowed by outlier filtering); `method` absent means
 * none for integer intensities and 1000 bins otherwise.
 */
export function intensityVolumeHistogram(
  values: VoxelValues,
  mask: Uint8Array | undefined,
  range?: ResegmentRange,
  method?: Discretisation,
): IvhResult {
  // Integer data are counted by value in one pass; the histogram is then made from the
  // distinct values' counts (whole numbers, so the same sums in any order).
  const counted = countIntegers(values, mask);
  let n = 0;
  let min = Infinity;
  let max = -Infinity;
  let integers = true;
  if (counted) {
    n = counted.n;
    min = counted.lo;
    max = counted.lo + counted.counts.length - 1;
  } else {
    for (let i = 0; i < values.length; i++) {
      if (mask && mask[i] === 0) continue;
      const v = values[i];
      n++;
      if (v < min) min = v;
      if (v > max) max = v;
      if (integers && !Number.isInteger(v)) integers = false;
    }
  }
  if (n === 0) throw analysisError('empty-roi', 'The region of interest contains no voxels.');
  const used: Discretisation =
    method ?? (integers ? { kind: 'none' } : { kind: 'bin-count', binCount: ivhDefaultBinCount });
  // Level k of the histogram stands for intensity first + k * step; bin(v) is its index.
  let first: number;
  let step: number;
  let count: number;
  let bin: (v: number) => number;
  if (used.kind === 'none') {
    if (!integers)
      throw analysisError(
        'bad-parameter',
        'The intensity-volume histogram without discretisation needs integer intensities; give an IVH bin width or bin count.',
      );
    const lo = finite(range?.[0]) ? Math.ceil(range[0]) : min;
    const hi = finite(range?.[1]) ? Math.floor(range[1]) : max;
    first = lo;
    step = 1;
    count = hi - lo + 1;
    bin = (v) => v - lo;
  } else if (used.kind === 'bin-width') {
    const w = used.binWidth;
    if (!(w > 0)) throw analysisError('bad-parameter', `IVH bin width must be positive, not ${w}.`);
    const lo = finite(range?.[0]) ? range[0] : min;
    const hi = finite(range?.[1]) ? range[1] : max;
    first = lo + 0.5 * w;
    step = w;
    count = Math.ceil((hi - lo) / w) + 1;
    bin = (v) => Math.floor((v - lo) / w);
  } else {
    const ng = used.binCount;
    if (!(ng >= 1) || !Number.isInteger(ng))
      throw analysisError('bad-parameter', `IVH bin count must be a positive integer, not ${ng}.`);
    const scale = max > min ? ng / (max - min) : 0;
    first = 1;
    step = 1;
    count = ng;
    bin = (v) => Math.floor((v - min) * scale);
  }
  if (!(count <= maxLevels))
    throw analysisError(
      'bad-parameter',
      `The intensity-volume histogram would have ${count} intensities; give a coarser IVH bin width or a bin count.`,
    );
  const hist = new Float64Array(count);
  if (counted) {
    const { counts, lo } = counted;
    for (let b = 0; b < counts.length; b++) {
      if (counts[b] === 0) continue;
      const k = bin(lo + b);
      hist[k < 0 ? 0 : k >= count ? count - 1 : k] += counts[b];
    }
  } else {
    for (let i = 0; i < values.length; i++) {
      if (mask && mask[i] === 0) continue;
      const k = bin(values[i]);
      hist[k < 0 ? 0 : k >= count ? count - 1 : k]++;
    }
  }
  // nu[k]: fraction of voxels at level k or above (counted, then divided: no drift);
  // gamma[k] = k / (count - 1).
  const nu = new Float64Array(count + 1);
  for (let k = count - 1, above = 0; k >= 0; k--) {
    above += hist[k];
    nu[k] = above / n;
  }
  const volumeAt = (fraction: number): number => {
    for (let k = 0; k < count; k++) {
      const gamma = count > 1 ? k / (count - 1) : 0;
      if (gamma >= fraction) return nu[k];
    }
    return 0;
  };
  // The lowest intensity at most `fraction` of the volume reaches; past the last level, none
  // does, and the next level is the answer.
  const intensityAt = (fraction: number): number => {
    let k = 0;
    while (k < count && nu[k] > fraction) k++;
    return first + k * step;
  };
  const v10 = volumeAt(0.1);
  const v90 = volumeAt(0.9);
  const i10 = intensityAt(0.1);
  const i90 = intensityAt(0.9);
  return {
    values: Float64Array.from([v10, v90, i10, i90, v10 - v90, i10 - i90]),
    discretisation: used,
    greyLevels: used.kind === 'bin-count',
  };
}
