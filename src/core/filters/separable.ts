// A separable kernel applied by passes along x, y and z, alone or pooled over its right-angle
// rotations. Used by mean, Laws and the wavelets; LoG is a sum of such products. The fast path
// is simd/separablePlanes.ts (WASM SIMD, plane by plane); the reference here (convolveAxis over
// whole volumes, float64 sums) is what it is tested against and what runs without WASM.
import type { ImageVolume } from '../analysis/volume.ts';
import { convolveAxis } from './convolveAxis.ts';
import { separablePlanes } from './simd/separablePlanes.ts';
import { isIdentity, type Kernel1d } from './kernel.ts';
import { Pool } from './pooling.ts';
import { rotateSeparable, rotationsFor } from './rotations.ts';
import type { Boundary, Pooling } from './types.ts';

export type Separable = readonly [Kernel1d, Kernel1d, Kernel1d];

export function applySeparableReference(
  img: ImageVolume,
  k: Separable,
  boundary: Boundary,
): Float32Array {
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

export function applySeparable(img: ImageVolume, k: Separable, boundary: Boundary): Float32Array {
  return separablePlanes(img, [k], boundary, null) ?? applySeparableReference(img, k, boundary);
}

/** The reference of applySeparablePooled(): every rotation over the whole volume. */
export function applySeparablePooledReference(
  img: ImageVolume,
  k: Separable,
  boundary: Boundary,
  dims: 2 | 3,
  pooling: Pooling | null,
): Float32Array {
  if (!pooling) return applySeparableReference(img, k, boundary);
  const pool = new Pool(pooling);
  for (const r of rotationsFor(dims))
    pool.add(applySeparableReference(img, rotateSeparable(k, r), boundary));
  return pool.result();
}

/** The pooled response over the rotations, or the plain response when `pooling` is null. */
export function applySeparablePooled(
  img: ImageVolume,
  k: Separable,
  boundary: Boundary,
  dims: 2 | 3,
  pooling: Pooling | null,
): Float32Array {
  const triples = pooling ? rotationsFor(dims).map((r) => rotateSeparable(k, r)) : [k];
  return (
    separablePlanes(img, triples, boundary, pooling) ??
    applySeparablePooledReference(img, k, boundary, dims, pooling)
  );
}
