// The mean filter: M voxels of 1/M along each filtered axis.
import type { ImageVolume } from '../analysis/volume.ts';
import { identityKernel, kernel1d } from './kernel.ts';
import { applySeparable } from './separable.ts';
import type { Boundary } from './types.ts';

export function meanResponse(
  img: ImageVolume,
  support: number,
  boundary: Boundary,
  dims: 2 | 3,
): Float32Array {
  const k = kernel1d(new Array<number>(support).fill(1 / support));
  return applySeparable(img, [k, k, dims === 3 ? k : identityKernel], boundary);
}
