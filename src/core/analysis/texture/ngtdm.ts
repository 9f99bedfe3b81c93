// Neighbourhood grey tone difference matrix (IBSI family IPET): per grey level i, the voxel
// count n_i and s_i = sum of |i - mean of the voxel's ROI neighbours|.
import { defineFamily } from '../featureDef';
import type { DiscreteVolume } from '../volume';
import { emptyMatrix, type TextureMatrix } from './matrix';
import { neighbourOffsets } from './neighbourhood';
import { padLevels } from './padded';
import { forEachHoodSlice, type HoodSlice } from './simd/neighboursWasm';

export const ngtdmDefs = defineFamily('ngtdm', [
  ['Coarseness', 'QCDE', ''],
  ['Contrast', '65HE', ''],
  ['Busyness', 'NQ30', ''],
  ['Complexity', 'HDEZ', ''],
  ['Strength', '1X9X', ''],
]);

/** Rows are grey levels; column 0 holds n_i, column 1 holds s_i. */
export function ngtdmMatrix(volume: DiscreteVolume, z: number, distance = 1): TextureMatrix {
  return ngtdmMatrixWasm(volume, z, distance) ?? ngtdmMatrixJs(volume, z, distance);
}

/** From WebAssembly's per-slice neighbourhood counts (the same integer sums, added to the
 * matrix in the same order, so the same bits), or null without them. */
function ngtdmMatrixWasm(
  volume: DiscreteVolume,
  z: number,
  distance: number,
): TextureMatrix | null {
  const count = ngtdmCounter(volume);
  return forEachHoodSlice(volume, z, distance, 0, count.slice) ? count.matrix() : null;
}

/** Adds each visited slice's NGTDM counts (from the neighbourhood counts w and s) to one matrix,
 * so a pass made for NGLDM too (hoodMatrices.ts) fills both. */
export function ngtdmCounter(volume: DiscreteVolume): {
  slice: HoodSlice;
  matrix: () => TextureMatrix;
} {
  const [nx, ny] = volume.dims;
  const m = emptyMatrix(volume.levelCount, 2);
  const data = m.data;
  const levels = volume.levels;
  let counted = 0;
  const slice: HoodSlice = (zz, w, s, _k, rowStep) => {
    for (let y = 0; y < ny; y++) {
      const row = nx * (y + ny * zz);
      const at = y * rowStep;
      for (let x = 0; x < nx; x++) {
        const g = levels[row + x];
        if (g === 0) continue;
        const n = w[at + x];
        // A voxel without any ROI neighbour has no neighbourhood mean and is not counted.
        if (n === 0) continue;
        data[(g - 1) * 2] += 1;
        data[(g - 1) * 2 + 1] += Math.abs(g - s[at + x] / n);
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
export function ngtdmMatrixJs(volume: DiscreteVolume, z: number, distance = 1): TextureMatrix {
  const p = padLevels(volume, z, distance);
  const { levels, nx, ny, nz, rowStep, planeStep, origin } = p;
  const hood = neighbourOffsets(p, z < 0, distance);
  const nh = hood.length;
  const m = emptyMatrix(volume.levelCount, 2);
  const data = m.data;
  let counted = 0;
  for (let zz = 0; zz < nz; zz++) {
    for (let y = 0; y < ny; y++) {
      for (let v = origin + y * rowStep + zz * planeStep, end = v + nx; v < end; v++) {
        const g = levels[v];
        if (g === 0) continue;
        // Integer sums: exact in any order.
        let sum = 0;
        let w = 0;
        for (let k = 0; k < nh; k++) {
          const h = levels[v + hood[k]];
          if (h === 0) continue;
          sum += h;
          w++;
        }
        // A voxel without any ROI neighbour has no neighbourhood mean and is not counted.
        if (w === 0) continue;
        data[(g - 1) * 2] += 1;
        data[(g - 1) * 2 + 1] += Math.abs(g - sum / w);
        counted++;
      }
    }
  }
  m.voxels = counted;
  return m;
}

export function ngtdmFeatures(m: TextureMatrix): Float64Array {
  const ng = m.rows;
  const d = m.data;
  let nvc = 0;
  for (let r = 0; r < ng; r++) nvc += d[r * 2];
  let sumPs = 0;
  let sumS = 0;
  let ngp = 0;
  for (let r = 0; r < ng; r++) {
    const p = d[r * 2] / nvc;
    if (p > 0) ngp++;
    sumPs += p * d[r * 2 + 1];
    sumS += d[r * 2 + 1];
  }
  let contrastSum = 0;
  let busyDen = 0;
  let complexity = 0;
  let strengthNum = 0;
  for (let a = 0; a < ng; a++) {
    const pa = d[a * 2] / nvc;
    if (pa === 0) continue;
    const sa = d[a * 2 + 1];
    for (let b = 0; b < ng; b++) {
      const pb = d[b * 2] / nvc;
      if (pb === 0) continue;
      const sb = d[b * 2 + 1];
      const diff = a - b;
      contrastSum += pa * pb * diff * diff;
      busyDen += Math.abs((a + 1) * pa - (b + 1) * pb);
      complexity += (Math.abs(diff) * (pa * sa + pb * sb)) / (pa + pb);
      strengthNum += (pa + pb) * diff * diff;
    }
  }
  return Float64Array.from([
    sumPs > 0 ? 1 / sumPs : 1e6,
    ngp > 1 ? (contrastSum / (ngp * (ngp - 1))) * (sumS / nvc) : 0,
    busyDen > 0 ? sumPs / busyDen : 0,
    complexity / nvc,
    sumS > 0 ? strengthNum / sumS : 0,
  ]);
}
