// Grey level co-occurrence matrix (IBSI family LFYI): symmetric counts of level pairs at a
// Chebyshev distance along one direction, in one slice (z >= 0) or the whole volume (z = -1).
import type { DiscreteVolume } from '../volume';
import type { Direction } from './directions';
import { emptyMatrix, type TextureMatrix } from './matrix';

/** Index range [lo, hi) along one axis such that both i and i + step stay inside [0, n). */
function span(n: number, step: number): [number, number] {
  return step >= 0 ? [0, n - step] : [-step, n];
}

export function glcmMatrix(
  volume: DiscreteVolume,
  direction: Direction,
  z: number,
  distance = 1,
): TextureMatrix {
  const { levels, levelCount: ng } = volume;
  const [nx, ny, nz] = volume.dims;
  const dx = direction[0] * distance;
  const dy = direction[1] * distance;
  const dz = z >= 0 ? 0 : direction[2] * distance;
  const m = emptyMatrix(ng, ng);
  const data = m.data;
  const [x0, x1] = span(nx, dx);
  const [y0, y1] = span(ny, dy);
  const [z0, z1] = z >= 0 ? [z, z + 1] : span(nz, dz);
  const offset = dx + nx * (dy + ny * dz);
  // Rows of the matrix are indexed by g - 1; a row stride of ng is folded into the lookup.
  for (let zz = z0; zz < z1; zz++) {
    for (let y = y0; y < y1; y++) {
      const row = nx * (y + ny * zz);
      for (let i = row + x0, end = row + x1; i < end; i++) {
        const a = levels[i];
        if (a === 0) continue;
        const b = levels[i + offset];
        if (b === 0) continue;
        data[(a - 1) * ng + b - 1]++;
        data[(b - 1) * ng + a - 1]++;
      }
    }
  }
  let voxels = 0;
  const [v0, v1] = z >= 0 ? [z * nx * ny, (z + 1) * nx * ny] : [0, levels.length];
  for (let i = v0; i < v1; i++) if (levels[i] > 0) voxels++;
  m.voxels = voxels;
  return m;
}
