// Neighbouring grey level dependence matrix (IBSI family REK0): per voxel, its grey level and its
// dependence count k = 1 + the number of ROI neighbours whose level differs by at most alpha.
import { defineFamily } from '../featureDef';
import type { DiscreteVolume } from '../volume';
import { emptyMatrix, type TextureMatrix } from './matrix';
import { neighbourhood } from './neighbourhood';
import { sizeZoneFamilyFeatures } from './sizeZoneFeatures';

export const ngldmDefs = defineFamily('ngldm', [
  ['Low dependence emphasis', 'SODN', ''],
  ['High dependence emphasis', 'IMOQ', ''],
  ['Low grey level count emphasis', 'TL9H', ''],
  ['High grey level count emphasis', 'OAE7', ''],
  ['Low dependence low grey level emphasis', 'EQ3F', ''],
  ['Low dependence high grey level emphasis', 'JA6D', ''],
  ['High dependence low grey level emphasis', 'NBZI', ''],
  ['High dependence high grey level emphasis', '9QMG', ''],
  ['Grey level non-uniformity', 'FP8K', ''],
  ['Normalised grey level non-uniformity', '5SPA', ''],
  ['Dependence count non-uniformity', 'Z87G', ''],
  ['Normalised dependence count non-uniformity', 'OKJI', ''],
  ['Dependence count percentage', '6XV8', ''],
  ['Grey level variance', '1PFV', ''],
  ['Dependence count variance', 'DNX2', ''],
  ['Dependence count entropy', 'FCBV', ''],
  ['Dependence count energy', 'CAS9', ''],
]);

export function ngldmFeatures(m: TextureMatrix): Float64Array {
  return sizeZoneFamilyFeatures(m, ngldmDefs.length);
}

export function ngldmMatrix(
  volume: DiscreteVolume,
  z: number,
  distance = 1,
  alpha = 0,
): TextureMatrix {
  const { levels, levelCount: ng } = volume;
  const [nx, ny, nz] = volume.dims;
  const hood = neighbourhood(z < 0, distance);
  const cols = hood.length + 1;
  const [z0, z1] = z >= 0 ? [z, z + 1] : [0, nz];
  const m = emptyMatrix(ng, cols);
  let counted = 0;
  for (let zz = z0; zz < z1; zz++) {
    for (let y = 0; y < ny; y++) {
      for (let x = 0; x < nx; x++) {
        const g = levels[x + nx * (y + ny * zz)];
        if (g === 0) continue;
        let k = 1;
        for (const { dx, dy, dz } of hood) {
          const qx = x + dx;
          const qy = y + dy;
          const qz = zz + dz;
          if (qx < 0 || qx >= nx || qy < 0 || qy >= ny || qz < z0 || qz >= z1) continue;
          const h = levels[qx + nx * (qy + ny * qz)];
          if (h !== 0 && Math.abs(h - g) <= alpha) k++;
        }
        m.data[(g - 1) * cols + k - 1]++;
        counted++;
      }
    }
  }
  m.voxels = counted;
  return m;
}
