// Grey level distance zone matrix (IBSI family VMDZ): zones counted by grey level and by their
// smallest distance to the ROI border.
import { defineFamily } from '../featureDef';
import type { DiscreteVolume } from '../volume';
import { borderDistance } from './borderDistance';
import { emptyMatrix, type TextureMatrix } from './matrix';
import { sizeZoneFamilyFeatures } from './sizeZoneFeatures';
import { labelZones, zoneVoxels, type Zones } from './zones';

export const gldzmDefs = defineFamily('gldzm', [
  ['Small distance emphasis', '0GBI', ''],
  ['Large distance emphasis', 'MB4I', ''],
  ['Low grey level zone emphasis', 'S1RA', ''],
  ['High grey level zone emphasis', 'K26C', ''],
  ['Small distance low grey level emphasis', 'RUVG', ''],
  ['Small distance high grey level emphasis', 'DKNJ', ''],
  ['Large distance low grey level emphasis', 'A7WM', ''],
  ['Large distance high grey level emphasis', 'KLTH', ''],
  ['Grey level non-uniformity', 'VFT7', ''],
  ['Normalised grey level non-uniformity', '7HP3', ''],
  ['Zone distance non-uniformity', 'V294', ''],
  ['Normalised zone distance non-uniformity', 'IATH', ''],
  ['Zone percentage', 'VIWW', ''],
  ['Grey level variance', 'QK93', ''],
  ['Zone distance variance', '7WT1', ''],
  ['Zone distance entropy', 'GBDU', ''],
]);

export function gldzmFeatures(m: TextureMatrix): Float64Array {
  return sizeZoneFamilyFeatures(m, gldzmDefs.length);
}

/** distanceMask: the morphological ROI mask the border distance is measured in (none: every
 * voxel); zones:
 * labelZones(volume, z, borderDistance(...)) when the caller has it already. */
export function gldzmMatrix(
  volume: DiscreteVolume,
  distanceMask: Uint8Array | undefined,
  z: number,
  given?: Zones,
): TextureMatrix {
  // Each zone's distance is the smallest over its voxels, kept while the zones are labelled.
  const zones = given?.minDistance
    ? given
    : labelZones(volume, z, borderDistance(distanceMask, volume.dims, z));
  const zoneDist = zones.minDistance ?? new Int32Array(0);
  let maxDist = 1;
  for (let k = 0; k < zones.count; k++) if (zoneDist[k] > maxDist) maxDist = zoneDist[k];
  const m = emptyMatrix(volume.levelCount, maxDist);
  for (let k = 0; k < zones.count; k++) {
    m.data[(zones.level[k] - 1) * maxDist + zoneDist[k] - 1]++;
  }
  m.voxels = zoneVoxels(zones);
  return m;
}
