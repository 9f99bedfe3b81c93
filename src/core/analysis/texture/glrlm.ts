// Grey level run length matrix (IBSI family TP0I): runs of equal grey level along one direction,
// in one slice (z >= 0) or the whole volume (z = -1).
import { defineFamily } from '../featureDef';
import type { DiscreteVolume } from '../volume';
import type { Direction } from './directions';
import { emptyMatrix, type TextureMatrix } from './matrix';
import { padLevels, paddedOffset, type PaddedLevels } from './padded';
import { sizeZoneFamilyFeatures } from './sizeZoneFeatures';

export const glrlmDefs = defineFamily('glrlm', [
  ['Short runs emphasis', '22OV', ''],
  ['Long runs emphasis', 'W4KF', ''],
  ['Low grey level run emphasis', 'V3SW', ''],
  ['High grey level run emphasis', 'G3QZ', ''],
  ['Short run low grey level emphasis', 'HTZT', ''],
  ['Short run high grey level emphasis', 'GD3A', ''],
  ['Long run low grey level emphasis', 'IVPO', ''],
  ['Long run high grey level emphasis', '3KUM', ''],
  ['Grey level non-uniformity', 'R5YN', ''],
  ['Normalised grey level non-uniformity', 'OVBL', ''],
  ['Run length non-uniformity', 'W92Y', ''],
  ['Normalised run length non-uniformity', 'IC23', ''],
  ['Run percentage', '9ZK5', ''],
  ['Grey level variance', '8CE5', ''],
  ['Run length variance', 'SXLW', ''],
  ['Run entropy', 'HJ9O', ''],
]);

export function glrlmFeatures(m: TextureMatrix): Float64Array {
  return sizeZoneFamilyFeatures(m, glrlmDefs.length);
}

export function glrlmMatrix(
  volume: DiscreteVolume,
  direction: Direction,
  z: number,
): TextureMatrix {
  return glrlmMatrices(volume, [direction], z)[0];
}

/** One matrix per direction; the levels are framed once for all of them (13 copies of a
 * whole-image volume otherwise). */
export function glrlmMatrices(
  volume: DiscreteVolume,
  directions: readonly Direction[],
  z: number,
): TextureMatrix[] {
  // Runs end at the zero frame like at any voxel outside the ROI.
  const p = padLevels(volume, z, 1);
  return directions.map((direction) => countRuns(volume, p, direction, z));
}

function countRuns(
  volume: DiscreteVolume,
  p: PaddedLevels,
  direction: Direction,
  z: number,
): TextureMatrix {
  const [dx, dy] = direction;
  const dz = z >= 0 ? 0 : direction[2];
  const maxRun = Math.max(...volume.dims);
  const m = emptyMatrix(volume.levelCount, maxRun);
  const data = m.data;
  const { levels, nx, ny, nz, rowStep, planeStep, origin } = p;
  const step = paddedOffset(p, dx, dy, dz);
  let voxels = 0;
  for (let zz = 0; zz < nz; zz++) {
    for (let y = 0; y < ny; y++) {
      for (let i = origin + y * rowStep + zz * planeStep, end = i + nx; i < end; i++) {
        const g = levels[i];
        if (g === 0) continue;
        voxels++;
        // A run starts where the previous voxel along the direction differs or lies outside.
        if (levels[i - step] === g) continue;
        let len = 1;
        for (let q = i + step; levels[q] === g; q += step) len++;
        data[(g - 1) * maxRun + len - 1]++;
      }
    }
  }
  m.voxels = voxels;
  return m;
}
