// The fast separable passes agree with the plain voxel-by-voxel convolution of the written-out
// kernel, under every boundary rule, for odd and even kernels, and pooled over rotations.
import { describe, expect, it } from 'vitest';
import { convolveDirect } from './convolveDirect.ts';
import { identityKernel, kernel1d, outerKernel } from './kernel.ts';
import { Pool } from './pooling.ts';
import { rotateDense, rotations2d, rotations3d } from './rotations.ts';
import { meanByTaps, meanReference, meanResponse } from './mean.ts';
import { applySeparable, applySeparablePooled, type Separable } from './separable.ts';
import { maxAbsDiff, randomVolume } from './testing.ts';
import { boundaries } from './types.ts';

const img = randomVolume([7, 6, 5], 7);
const k: Separable = [
  kernel1d([1, -2, 0.5, 3], 2),
  kernel1d([0.2, 0.7, -1]),
  kernel1d([2, 1, 0, -1, 0.5], 1),
];

describe('separable filtering', () => {
  it('has 24 distinct right-angle rotations in 3D and 4 in 2D', () => {
    const key = (r: { axis: readonly number[]; flip: readonly boolean[] }) => `${r.axis}|${r.flip}`;
    expect(new Set(rotations3d.map(key)).size).toBe(24);
    expect(new Set(rotations2d.map(key)).size).toBe(4);
  });

  for (const b of boundaries)
    it(`matches the direct convolution with ${b} boundaries`, () => {
      const direct = convolveDirect(img.values, img.dims, outerKernel(...k), b);
      expect(maxAbsDiff(applySeparable(img, k, b), direct)).toBeLessThan(1e-3);
    });

  for (const [dims, rots] of [
    [3, rotations3d],
    [2, rotations2d],
  ] as const)
    it(`pools ${rots.length} rotated kernels like the rotated dense kernel (${dims}D, max)`, () => {
      const kk: Separable = dims === 3 ? k : [k[0], k[1], identityKernel];
      const pool = new Pool('max');
      for (const r of rots)
        pool.add(
          convolveDirect(img.values, img.dims, rotateDense(outerKernel(...kk), r), 'mirror'),
        );
      const fast = applySeparablePooled(img, kk, 'mirror', dims, 'max');
      expect(maxAbsDiff(fast, pool.result())).toBeLessThan(1e-3);
    });
});

describe('mean filter', () => {
  for (const b of boundaries)
    for (const dims of [2, 3] as const)
      it(`running sums (reference and WASM) equal the ${dims}D taps of 1/M with ${b} boundaries`, () => {
        // a support wider than the image reaches through the boundary more than once
        for (const support of [1, 5, 15]) {
          const taps = meanByTaps(img, support, b, dims);
          expect(maxAbsDiff(meanReference(img, support, b, dims), taps)).toBeLessThan(1e-4);
          expect(maxAbsDiff(meanResponse(img, support, b, dims), taps)).toBeLessThan(1e-4);
        }
      });
});
