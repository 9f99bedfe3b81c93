// Grey level size zone matrix (IBSI family 9SAK): zones counted by grey level and voxel count.
import { defineFamily } from '../featureDef';
import type { DiscreteVolume } from '../volume';
import { emptyMatrix, type TextureMatrix } from './matrix';
import { sizeZoneFamilyFeatures } from './sizeZoneFeatures';
import { labelZones, roiVoxels } from './zones';

export const glszmDefs = defineFamily('glszm', [
  ['Small zone emphasis', '5QRC', ''],
  ['Large zone emphasis', '48P8', ''],
  ['Low grey level zone emphasis', 'XMSY', ''],
  ['High grey level zone emphasis', '5GN9', ''],
  ['Small zone low grey level emphasis', '5RAI', ''],
  ['Small zone high grey level emphasis', 'HW1V', ''],
  ['Large zone low grey level emphasis', 'YH51', ''],
  ['Large zone high grey level emphasis', 'J17V', ''],
  ['Grey level non-uniformity', 'JNSA', ''],
  ['Normalised grey level non-uniformity', 'Y1RO', ''],
  ['Zone size non-uniformity', '4JP3', ''],
  ['Normalised zone size non-uniformity', 'VB3A', ''],
  ['Zone percentage', 'P30P', ''],
  ['Grey level variance', 'BYLV', ''],
  ['Zone size variance', '3NSA', ''],
  ['Zone size entropy', 'GU8N', ''],
]);

export function glszmFeatures(m: TextureMatrix): Float64Array {
  return sizeZoneFamilyFeatures(m, glszmDefs.length);
}

export function glszmMatrix(volume: DiscreteVolume, z: number): TextureMatrix {
  const zones = labelZones(volume, z);
  let maxSize = 1;
  for (let k = 0; k < zones.count; k++) if (zones.size[k] > maxSize) maxSize = zones.size[k];
  const m = emptyMatrix(volume.levelCount, maxSize);
  for (let k = 0; k < zones.count; k++) {
    m.data[(zones.level[k] - 1) * maxSize + zones.size[k] - 1]++;
  }
  m.voxels = roiVoxels(volume, z);
  return m;
}
