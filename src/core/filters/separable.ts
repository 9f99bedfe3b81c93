// A separable kernel applied by passes along x, y and z, alone or pooled over its right-angle
// rotations. Used by mean, Laws and the wavelets; LoG is a sum of such products.
import type { ImageVolume } from '../analysis/volume.ts';
import { convolveAxis } from './convolveAxis.ts';
import { isIdentity, type Kernel1d } from './kernel.ts';
import { Pool } from './pooling.ts';
import { rotateSeparable, rotationsFor } from './rotations.ts';
import type { Boundary, Pooling } from './types.ts';

export type Separable = readonly [Kernel1d, Kernel1d, Kernel1d];

export function applySeparable(img: ImageVolume, k: Separable, boundary: Boundary): Float32Array {
  let cur: Float32Array = img.values;
  let spare: Float32Array | null = null;
  for (let a = 0; a < 3; a++) {
    if (isIdentity(k[a])) continue;
    const dst: Float32Array = spare ?? new Float32Array(cur.length);
    convolveAxis(cur, img.dims, a as 0 | 1 | 2, k[a], boundary, dst);
    spare = cur === img.values ? null : cur;
    cur = dst;
  }
  return cur === img.values ? Float32Array.from(cur) : cur;
}

/** The pooled response over the rotations, or the plain response when `pooling` is null. */
export function applySeparablePooled(
  img: ImageVolume,
  k: Separable,
  boundary: Boundary,
  dims: 2 | 3,
  pooling: Pooling | null,
  onRotation?: (done: number, total: number) => void,
): Float32Array {
  if (!pooling) return applySeparable(img, k, boundary);
  const rots = rotationsFor(dims);
  const pool = new Pool(pooling);
  rots.forEach((r, i) => {
    pool.add(applySeparable(img, rotateSeparable(k, r), boundary));
    onRotation?.(i + 1, rots.length);
  });
  return pool.result();
}
