// Grey level run length matrix (IBSI family TP0I): runs of equal grey level along one direction,
// in one slice (z >= 0) or the whole volume (z = -1).
import { defineFamily } from '../featureDef';
import type { DiscreteVolume } from '../volume';
import type { Direction } from './directions';
import { emptyMatrix, type TextureMatrix } from './matrix';
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
  const { levels, levelCount: ng } = volume;
  const [nx, ny, nz] = volume.dims;
  const [dx, dy] = direction;
  const dz = z >= 0 ? 0 : direction[2];
  const maxRun = Math.max(nx, ny, nz);
  const m = emptyMatrix(ng, maxRun);
  const step = dx + nx * (dy + ny * dz);
  const [z0, z1] = z >= 0 ? [z, z + 1] : [0, nz];
  let voxels = 0;
  for (let zz = z0; zz < z1; zz++) {
    for (let y = 0; y < ny; y++) {
      for (let x = 0; x < nx; x++) {
        const i = x + nx * (y + ny * zz);
        const g = levels[i];
        if (g === 0) continue;
        voxels++;
        // A run starts where the previous voxel along the direction differs or lies outside.
        const px = x - dx;
        const py = y - dy;
        const pz = zz - dz;
        if (px >= 0 && px < nx && py >= 0 && py < ny && pz >= z0 && pz < z1) {
          if (levels[i - step] === g) continue;
        }
        let len = 1;
        let qx = x + dx;
        let qy = y + dy;
        let qz = zz + dz;
        let q = i + step;
        while (qx >= 0 && qx < nx && qy >= 0 && qy < ny && qz >= z0 && qz < z1 && levels[q] === g) {
          len++;
          qx += dx;
          qy += dy;
          qz += dz;
          q += step;
        }
        m.data[(g - 1) * maxRun + len - 1]++;
      }
    }
  }
  m.voxels = voxels;
  return m;
}
