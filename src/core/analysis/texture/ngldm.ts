// Neighbouring grey level dependence matrix (IBSI family REK0): per voxel, its grey level and its
// dependence count k = 1 + the number of ROI neighbours whose level differs by at most alpha.
import { defineFamily } from '../featureDef';
import type { DiscreteVolume } from '../volume';
import { emptyMatrix, type TextureMatrix } from './matrix';
import { neighbourhood, neighbourOffsets } from './neighbourhood';
import { padLevels } from './padded';
import { forEachHoodSlice, type HoodSlice } from './simd/neighboursWasm';
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
  return ngldmMatrixWasm(volume, z, distance, alpha) ?? ngldmMatrixJs(volume, z, distance, alpha);
}

/** The counts from WebAssembly's per-slice neighbourhood counts, or null without them. */
function ngldmMatrixWasm(
  volume: DiscreteVolume,
  z: number,
  distance: number,
  alpha: number,
): TextureMatrix | null {
  const count = ngldmCounter(volume, z, distance);
  return forEachHoodSlice(volume, z, distance, alpha, count.slice) ? count.matrix() : null;
}

/** Adds each visited slice's NGLDM counts (from the dependence counts k) to one matrix, so a
 * pass made for NGTDM too (hoodMatrices.ts) fills both. */
export function ngldmCounter(
  volume: DiscreteVolume,
  z: number,
  distance: number,
): { slice: HoodSlice; matrix: () => TextureMatrix } {
  const [nx, ny] = volume.dims;
  const cols = neighbourhood(z < 0, distance).length + 1;
  const m = emptyMatrix(volume.levelCount, cols);
  const data = m.data;
  const levels = volume.levels;
  let counted = 0;
  const slice: HoodSlice = (zz, _w, _s, k, rowStep) => {
    for (let y = 0; y < ny; y++) {
      const row = nx * (y + ny * zz);
      const at = y * rowStep;
      for (let x = 0; x < nx; x++) {
        const g = levels[row + x];
        if (g === 0) continue;
        data[(g - 1) * cols + k[at + x]]++;
        counted++;
      }
    }
  };
  const matrix = (): TextureMatrix => {
    m.voxels = counted;
    return m;
  };
  return { slice, matrix };
}

/** The plain version: every neighbour of every ROI voxel, in the zero-framed levels. */
export function ngldmMatrixJs(
  volume: DiscreteVolume,
  z: number,
  distance = 1,
  alpha = 0,
): TextureMatrix {
  const p = padLevels(volume, z, distance);
  const { levels, nx, ny, nz, rowStep, planeStep, origin } = p;
  const hood = neighbourOffsets(p, z < 0, distance);
  const nh = hood.length;
  const cols = nh + 1;
  const m = emptyMatrix(volume.levelCount, cols);
  const data = m.data;
  let counted = 0;
  for (let zz = 0; zz < nz; zz++) {
    for (let y = 0; y < ny; y++) {
      for (let v = origin + y * rowStep + zz * planeStep, end = v + nx; v < end; v++) {
        const g = levels[v];
        if (g === 0) continue;
        let k = 1;
        for (let n = 0; n < nh; n++) {
          const h = levels[v + hood[n]];
          if (h !== 0 && Math.abs(h - g) <= alpha) k++;
        }
        data[(g - 1) * cols + k - 1]++;
        counted++;
      }
    }
  }
  m.voxels = counted;
  return m;
}
