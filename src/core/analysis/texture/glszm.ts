// Grey level size zone matrix (IBSI family 9SAK): zones counted by grey level and voxel count.
import { defineFamily } from '../featureDef';
import type { DiscreteVolume } from '../volume';
import { emptyMatrix, sizeColumn, type TextureMatrix } from './matrix';
import { sizeZoneFamilyFeatures } from './sizeZoneFeatures';
import { labelZones, zoneVoxels, type Zones } from './zones';

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

/** zones: labelZones(volume, z), when the caller has it already (GLDZM labels the same). */
export function glszmMatrix(volume: DiscreteVolume, z: number, given?: Zones): TextureMatrix {
  const zones = given ?? labelZones(volume, z);
  // Columns: the zone sizes that occur, ascending (a dense row of every size up to the largest
  // zone costs levels x ROI size: gigabytes on a whole-image ROI).
  const sorted = zones.size.slice().sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++)
    if (n === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i];
  const sizes = Float64Array.from(sorted.subarray(0, Math.max(n, 1)));
  if (n === 0) sizes[0] = 1;
  const cols = sizes.length;
  const m: TextureMatrix = { ...emptyMatrix(volume.levelCount, cols), sizes };
  for (let k = 0; k < zones.count; k++) {
    m.data[(zones.level[k] - 1) * cols + sizeColumn(sizes, zones.size[k])]++;
  }
  m.voxels = zoneVoxels(zones);
  return m;
}
