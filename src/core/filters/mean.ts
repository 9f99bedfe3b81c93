// The mean filter: M voxels of 1/M along each filtered axis. The fast path is
// simd/meanPlanes.ts (WASM, running sums plane by plane); meanReference() here (running sums in
// TypeScript over whole volumes) is what runs without WASM and what the fast path is tested
// against, and meanByTaps() (M taps of 1/M through the general 1D convolution) checks both.
import type { ImageVolume } from '../analysis/volume.ts';
import { identityKernel, kernel1d } from './kernel.ts';
import { boxAlongAxis } from './meanRunning.ts';
import { applySeparableReference } from './separable.ts';
import { meanPlanes } from './simd/meanPlanes.ts';
import type { Boundary } from './types.ts';

export function meanReference(
  img: ImageVolume,
  support: number,
  boundary: Boundary,
  dims: 2 | 3,
): Float32Array {
  const a = boxAlongAxis(img.values, img.dims, 0, support, boundary);
  const b = boxAlongAxis(a, img.dims, 1, support, boundary);
  return dims === 3 ? boxAlongAxis(b, img.dims, 2, support, boundary, a) : b;
}

export function meanByTaps(
  img: ImageVolume,
  support: number,
  boundary: Boundary,
  dims: 2 | 3,
): Float32Array {
  const k = kernel1d(new Array<number>(support).fill(1 / support));
  return applySeparableReference(img, [k, k, dims === 3 ? k : identityKernel], boundary);
}

export function meanResponse(
  img: ImageVolume,
  support: number,
  boundary: Boundary,
  dims: 2 | 3,
): Float32Array {
  return meanPlanes(img, support, boundary, dims) ?? meanReference(img, support, boundary, dims);
}
