// The mean filter: M voxels of 1/M along each filtered axis.
import type { ImageVolume } from '../analysis/volume.ts';
import { identityKernel, kernel1d } from './kernel.ts';
import { boxAlongAxis } from './meanRunning.ts';
import { applySeparable } from './separable.ts';
import type { Boundary } from './types.ts';

/** The plain path: M taps of 1/M per axis through the general 1D convolution. */
export function meanByTaps(
  img: ImageVolume,
  support: number,
  boundary: Boundary,
  dims: 2 | 3,
): Float32Array {
  const a = boxAlongAxis(img.values, img.dims, 0, support, boundary);
  const b = boxAlongAxis(a, img.dims, 1, support, boundary);
  return dims === 3 ? boxAlongAxis(b, img.dims, 2, support, boundary, a) : b;
}

export function meanResponse(
  img: ImageVolume,
  support: number,
  boundary: Boundary,
  dims: 2 | 3,
): Float32Array {
  const k = kernel1d(new Array<number>(support).fill(1 / support));
  return applySeparable(img, [k, k, dims === 3 ? k : identityKernel], boundary);
}
