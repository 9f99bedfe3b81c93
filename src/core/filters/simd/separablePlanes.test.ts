// The WASM SIMD plane-by-plane separable path against the plain reference (convolveAxis over the
// whole volume, float64 sums): every boundary rule, odd, even, one-sided and dilated kernels,
// kernels longer than the image, one slice and many, pooled over rotations; and the committed
// WASM against its .wat source.
import { describe, expect, it } from 'vitest';
import { compileWat, wasmModules } from '../../../../tools/analysis/wasmModules.ts';
import { dilated, identityKernel, kernel1d, type Kernel1d } from '../kernel.ts';
import { rotateSeparable, rotationsFor } from '../rotations.ts';
import { applySeparablePooledReference, applySeparableReference } from '../separable.ts';
import { maxAbsDiff, randomVolume } from '../testing.ts';
import { boundaries, poolings } from '../types.ts';
import { separablePlanes } from './separablePlanes.ts';
import { tapsWasmBytes } from './tapsWasmBytes.ts';

type Triple = readonly [Kernel1d, Kernel1d, Kernel1d];

const kernels: Triple[] = [
  [kernel1d([1, -2, 0.5, 3], 2), kernel1d([0.2, 0.7, -1]), kernel1d([2, 1, 0, -1, 0.5], 1)],
  [kernel1d([0.25, 0.5, 0.25]), identityKernel, kernel1d([1, -1], 0)],
  [identityKernel, kernel1d([0.3, 0.3, 0.4], 2), identityKernel],
  // a dilated wavelet-like kernel, longer than the 7-voxel axes
  [
    dilated(kernel1d([0.5, 0.5], 1), 4),
    dilated(kernel1d([-0.4, 0.9, 0.2], 1), 3),
    kernel1d([1, 2, 3, 2, 1, 0.5, 0.2, 0.1, 0.3], 4),
  ],
  [identityKernel, identityKernel, identityKernel],
];

/** Largest difference as a fraction of the reference's range. */
function relErr(fast: Float32Array, ref: Float32Array): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of ref) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return maxAbsDiff(fast, ref) / Math.max(hi - lo, 1e-9);
}

describe('separable filters plane by plane in WASM SIMD', () => {
  it('were built from the current taps.wat', async () => {
    const bytes = await compileWat(wasmModules.filterTaps.wat);
    expect([...tapsWasmBytes]).toEqual([...bytes]);
  });

  for (const dims of [
    [7, 6, 5],
    [21, 19, 1],
    [37, 5, 9],
  ] as [number, number, number][])
    for (const b of boundaries)
      it(`equal the reference on ${dims.join('×')} with ${b} boundaries`, () => {
        const img = randomVolume(dims, dims[0] + dims[2]);
        kernels.forEach((k, i) => {
          const fast = separablePlanes(img, [k], b, null);
          expect(fast, 'WASM SIMD is available in Node').not.toBeNull();
          expect(relErr(fast!, applySeparableReference(img, k, b)), `kernel ${i}`).toBeLessThan(
            1e-5,
          );
        });
      });

  for (const pooling of poolings)
    for (const d of [2, 3] as const)
      it(`pool the ${d === 3 ? 24 : 4} rotations like the reference (${pooling})`, () => {
        const img = randomVolume([9, 8, 6], 11);
        const k: Triple = d === 3 ? kernels[0] : [kernels[0][0], kernels[0][1], identityKernel];
        const triples = rotationsFor(d).map((r) => rotateSeparable(k, r));
        const fast = separablePlanes(img, triples, 'mirror', pooling)!;
        const ref = applySeparablePooledReference(img, k, 'mirror', d, pooling);
        expect(relErr(fast, ref)).toBeLessThan(1e-5);
      });

  it('reads runs of every length: rows of 1 to 40 voxels (blocks of 16, of 4, single)', () => {
    for (let nx = 1; nx <= 40; nx++) {
      const img = randomVolume([nx, 3, 2], nx);
      const k = kernels[0];
      const fast = separablePlanes(img, [k], 'periodic', null)!;
      expect(relErr(fast, applySeparableReference(img, k, 'periodic')), `nx ${nx}`).toBeLessThan(
        1e-5,
      );
    }
  });
});
