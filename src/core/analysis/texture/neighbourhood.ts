// Offsets of the Chebyshev-distance neighbourhood: 8 in a slice, 26 in 3D at distance 1
// (centre excluded).
import { paddedOffset, type PaddedLevels } from './padded';

export interface Neighbour {
  dx: number;
  dy: number;
  dz: number;
}

export function neighbourhood(threeD: boolean, distance = 1): Neighbour[] {
  const out: Neighbour[] = [];
  const r = distance;
  const rz = threeD ? r : 0;
  for (let dz = -rz; dz <= rz; dz++) {
    for (let dy = -r; dy <= r; dy++) {
      for (let dx = -r; dx <= r; dx++) {
        if (dx !== 0 || dy !== 0 || dz !== 0) out.push({ dx, dy, dz });
      }
    }
  }
  return out;
}

/** The neighbourhood as flat steps in zero-framed levels (framed at least `distance` wide). */
export function neighbourOffsets(p: PaddedLevels, threeD: boolean, distance = 1): Int32Array {
  return Int32Array.from(neighbourhood(threeD, distance), (n) => paddedOffset(p, n.dx, n.dy, n.dz));
}
