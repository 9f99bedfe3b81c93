// Where an index outside [0, n) reads from under each boundary condition, as IBSI 2 defines
// them: zero (constant 0, returned as -1), nearest (edge value), periodic (wrap) and mirror
// (symmetric with the edge voxel repeated: … c b a | a b c … , numpy's "symmetric").
import type { Boundary } from './types.ts';

/** The source index for position p on an axis of n voxels, or -1 for a zero. */
export function sourceIndex(p: number, n: number, boundary: Boundary): number {
  if (p >= 0 && p < n) return p;
  switch (boundary) {
    case 'zero':
      return -1;
    case 'nearest':
      return p < 0 ? 0 : n - 1;
    case 'periodic':
      return ((p % n) + n) % n;
    case 'mirror': {
      const q = ((p % (2 * n)) + 2 * n) % (2 * n);
      return q < n ? q : 2 * n - 1 - q;
    }
  }
}
