// IBSI local intensity features (family 9ST6): mean intensity in a 1 cm^3 sphere
// (radius 6.2 mm) around a voxel centre; all image voxels in the sphere count, in the ROI or not.
import { defineFamily } from '../featureDef';
import type { RoiVolume } from '../volume';
import { intensityPeaks } from './peakSearch';
import { forEachSphereMean } from './sphereMeans';

export const localIntensityDefs = defineFamily('local-intensity', [
  ['Local intensity peak', 'VJGA', 'I'],
  ['Global intensity peak', '0F91', 'I'],
]);

/** [local peak (around the brightest ROI voxels), global peak (best over all ROI voxels)],
 * measuring only the voxels that can still hold a peak (peakSearch.ts): the same values as
 * localIntensityReference. */
export function localIntensity(roi: RoiVolume, intensityMask?: Uint8Array): Float64Array {
  // No intensity mask: every voxel (a whole image).
  return Float64Array.from(intensityPeaks(roi, intensityMask));
}

/** The plain reference: every ROI voxel's sphere mean, row by row as they come (nothing the
 * size of the ROI is kept). */
export function localIntensityReference(roi: RoiVolume, intensityMask: Uint8Array): Float64Array {
  const values = roi.values;
  // One pass: local is the best mean among the voxels at the brightest value seen so far.
  let maxValue = -Infinity;
  let local = -Infinity;
  let global = -Infinity;
  forEachSphereMean(roi, intensityMask, (row, first, end, means) => {
    for (let x = first; x < end; x++) {
      if (intensityMask[row + x] === 0) continue;
      const m = means[x];
      if (m > global) global = m;
      const v = values[row + x];
      if (v > maxValue) {
        maxValue = v;
        local = m;
      } else if (v === maxValue && m > local) local = m;
    }
  });
  return Float64Array.from([local, global]);
}
