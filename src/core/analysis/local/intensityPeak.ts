// IBSI local intensity features (family 9ST6): mean intensity in a 1 cm^3 sphere
// (radius 6.2 mm) around a voxel centre; all image voxels in the sphere count, in the ROI or not.
import { defineFamily } from '../featureDef';
import type { RoiVolume } from '../volume';
import { sphereMeans } from './sphereMeans';

export const localIntensityDefs = defineFamily('local-intensity', [
  ['Local intensity peak', 'VJGA', 'I'],
  ['Global intensity peak', '0F91', 'I'],
]);

/** [local peak (around the brightest ROI voxels), global peak (best over all ROI voxels)]. */
export function localIntensity(roi: RoiVolume, intensityMask: Uint8Array): Float64Array {
  const { index, mean } = sphereMeans(roi, intensityMask);
  const values = roi.values;
  let maxValue = -Infinity;
  for (let k = 0; k < index.length; k++)
    if (values[index[k]] > maxValue) maxValue = values[index[k]];
  let local = -Infinity;
  let global = -Infinity;
  for (let k = 0; k < index.length; k++) {
    if (mean[k] > global) global = mean[k];
    if (values[index[k]] === maxValue && mean[k] > local) local = mean[k];
  }
  return Float64Array.from([local, global]);
}
