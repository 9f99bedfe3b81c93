// The LoG's WASM SIMD plane-by-plane path against the plain reference (whole-volume passes,
// float64 sums): 2D and 3D, every boundary rule, anisotropic spacing, and σ wide enough that the
// kernel is longer than the image.
import { describe, expect, it } from 'vitest';
import { gaussianKernels, logReference } from '../log.ts';
import { maxAbsDiff, randomVolume } from '../testing.ts';
import { boundaries } from '../types.ts';
import { logPlanes } from './logPlanes.ts';

describe('LoG plane by plane in WASM SIMD', () => {
  for (const b of boundaries)
    for (const dims of [2, 3] as const)
      it(`equals the reference in ${dims}D with ${b} boundaries`, () => {
        for (const [sigma, size] of [
          [1.5, [23, 17, 9]],
          [4, [9, 8, 5]],
        ] as const) {
          const img = { ...randomVolume([...size], 5), spacingMm: [0.8, 1, 1.6] as const };
          const k = img.spacingMm.map((s) => gaussianKernels(sigma / s, 4));
          const fast = logPlanes(img, [k[0], k[1], k[2]], b, dims);
          expect(fast, 'WASM SIMD is available in Node').not.toBeNull();
          const ref = logReference(img, sigma, 4, b, dims);
          let range = 0;
          for (const v of ref) range = Math.max(range, Math.abs(v));
          expect(maxAbsDiff(fast!, ref) / range, `σ ${sigma}`).toBeLessThan(1e-5);
        }
      });
});
