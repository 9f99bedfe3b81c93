// Grey level run length matrix (IBSI family TP0I): runs of equal grey level along one direction,
// in one slice (z >= 0) or the whole volume (z = -1).
import { defineFamily } from '../featureDef';
import type { DiscreteVolume } from '../volume';
import type { Direction } from './directions';
import { emptyMatrix, type TextureMatrix } from './matrix';
import { padLevels, paddedOffset, type PaddedLevels } from './padded';
import { runMatricesWasm } from './simd/runsWasm';
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

/** One matrix per direction: counted in WebAssembly where it runs, else in TypeScript. */
export function glrlmMatrices(
  volume: DiscreteVolume,
  directions: readonly Direction[],
  z: number,
): TextureMatrix[] {
  return runMatricesWasm(volume, directions, z) ?? glrlmMatricesTs(volume, directions, z);
}

/** The TypeScript count; the levels are framed once for all directions (13 copies of a
 * whole-image volume otherwise). */
export function glrlmMatricesTs(
  volume: DiscreteVolume,
  directions: readonly Direction[],
  z: number,
): TextureMatrix[] {
  // Runs end at the zero frame like at any voxel outside the ROI.
  const p = padLevels(volume, z, 1);
  return directions.map((direction) => countRunsByEnds(volume, p, direction, z));
}

/** The plain reference: every run walked from its first voxel (tests compare against it). */
export function glrlmMatricesReference(
  volume: DiscreteVolume,
  directions: readonly Direction[],
  z: number,
): TextureMatrix[] {
  const p = padLevels(volume, z, 1);
  return directions.map((direction) => countRuns(volume, p, direction, z));
}

/**
 * Runs counted where they end, without a branch on the data: each voxel's run length so far
 * is the previous voxel's along the direction plus one (when it has the same level), kept for
 * the last two slices only; a voxel whose next one differs ends a run of that length, and
 * every other voxel adds to a spare cell instead (a branch there would be mispredicted about
 * once a run in noisy images). The same matrix as countRuns.
 */
function countRunsByEnds(
  volume: DiscreteVolume,
  p: PaddedLevels,
  direction: Direction,
  z: number,
): TextureMatrix {
  const dz = z >= 0 ? 0 : direction[2];
  const step = paddedOffset(p, direction[0], direction[1], dz);
  // Runs are the same whichever way they are walked; backwards steps (and none) go the old way.
  if (step <= 0 || dz < 0) return countRuns(volume, p, direction, z);
  const maxRun = Math.max(...volume.dims);
  const { levels, nx, ny, nz, rowStep, planeStep, origin } = p;
  // Run lengths so far in a ring of two padded slices; cell 0 of counts is the spare.
  const lens = new Uint16Array(2 * planeStep);
  const counts = new Int32Array(volume.levelCount * maxRun + 1);
  // Where the region's first slice starts (after the frame's slice in 3D).
  const firstSlice = origin - (origin % planeStep);
  let voxels = 0;
  for (let zz = 0; zz < nz; zz++) {
    const base = origin + zz * planeStep;
    // Ring index of voxel v: its place in its padded slice + (zz & 1) planeStep; of its previous voxel
    // along the direction (in slice zz - dz): that minus step, moved to its slice's half.
    const ringShift = (zz & 1) * planeStep - zz * planeStep - firstSlice;
    const prevShift = -step + (dz * planeStep + (((zz - dz) & 1) - (zz & 1)) * planeStep);
    for (let y = 0; y < ny; y++) {
      for (let v = base + y * rowStep, end = v + nx; v < end; v++) {
        const g = levels[v];
        if (g === 0) continue;
        voxels++;
        const r = v + ringShift;
        const same = +(levels[v - step] === g);
        const len = lens[r + prevShift] * same + 1;
        lens[r] = len;
        const ends = +(levels[v + step] !== g);
        counts[ends * ((g - 1) * maxRun + len)]++;
      }
    }
  }
  const m = emptyMatrix(volume.levelCount, maxRun);
  for (let j = 1; j < counts.length; j++) m.data[j - 1] = counts[j];
  m.voxels = voxels;
  return m;
}

/** The plain version: each run walked from its first voxel. */
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
