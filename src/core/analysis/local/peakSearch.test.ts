import { describe, expect, it } from 'vitest';
import type { Dims, SpacingMm } from '../volume';
import { localIntensity, localIntensityReference } from './intensityPeak';
import { intensityPeaks } from './peakSearch';

function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) >>> 0) / 4294967296;
}

/** A noisy volume with a few bright blobs and a lone bright voxel, fractional values. */
function volume(dims: Dims, rand: () => number): Float32Array {
  const [nx, ny, nz] = dims;
  const v = new Float32Array(nx * ny * nz);
  const blobs = [0, 1, 2].map(() => [rand() * nx, rand() * ny, rand() * nz, 200 + 500 * rand()]);
  for (let z = 0, i = 0; z < nz; z++)
    for (let y = 0; y < ny; y++)
      for (let x = 0; x < nx; x++, i++) {
        let hu = 40 + (rand() - 0.5) * 60.37;
        for (const [bx, by, bz, h] of blobs)
          if ((x - bx) ** 2 + (y - by) ** 2 + (2 * (z - bz)) ** 2 < 40) hu += h;
        v[i] = hu;
      }
  v[Math.floor(rand() * v.length)] = 3000.5;
  return v;
}

describe('intensity peaks by bounded search', () => {
  it('give the same bits as measuring every ROI voxel (random volumes, masks and spacings)', () => {
    const rand = random(11);
    const cases: [Dims, SpacingMm][] = [
      [
        [40, 36, 20],
        [0.8, 0.8, 1.5],
      ],
      [
        [33, 29, 17],
        [1, 1, 1],
      ],
      [
        [50, 20, 9],
        [0.6, 0.9, 3],
      ],
      [
        [24, 24, 30],
        [2.1, 2.1, 0.7],
      ],
      [
        [60, 50, 4],
        [0.5, 0.5, 7],
      ],
    ];
    for (const [dims, spacingMm] of cases) {
      const values = volume(dims, rand);
      for (const density of [1, 0.6, 0.05]) {
        // A blob-shaped mask with holes, or the whole image.
        const [nx, ny, nz] = dims;
        const mask = new Uint8Array(values.length);
        for (let z = 0, i = 0; z < nz; z++)
          for (let y = 0; y < ny; y++)
            for (let x = 0; x < nx; x++, i++) {
              const d =
                ((x - nx / 2) / nx) ** 2 + ((y - ny / 2) / ny) ** 2 + ((z - nz / 2) / nz) ** 2;
              mask[i] = density === 1 || (d < 0.15 && rand() < density) ? 1 : 0;
            }
        const roi = { values, mask, dims, spacingMm };
        const fast = localIntensity(roi, mask);
        const plain = localIntensityReference(roi, mask);
        expect([...fast]).toEqual([...plain]);
        // Without the seed blocks, the bounds alone decide what is measured.
        expect(intensityPeaks(roi, mask, 0)).toEqual([...plain]);
        expect(Number.isFinite(fast[1])).toBe(true);
      }
    }
  });

  it('find a peak whose sphere reaches a bright voxel in the next block (isolated bright voxels outside the ROI)', () => {
    const rand = random(5);
    const dims: Dims = [37, 41, 23];
    for (const spacingMm of [
      [0.8, 0.8, 1.5],
      [1, 1, 1],
      [0.7, 0.7, 5],
    ] as SpacingMm[]) {
      const values = new Float32Array(37 * 41 * 23).map(() => rand());
      const mask = new Uint8Array(values.length).fill(1);
      for (let k = 0; k < 6; k++) {
        const i = Math.floor(rand() * values.length);
        values[i] = 1000 + rand() * 0.01;
        mask[i] = 0;
      }
      const roi = { values, mask, dims, spacingMm };
      const plain = [...localIntensityReference(roi, mask)];
      expect([...localIntensity(roi, mask)]).toEqual(plain);
      expect(intensityPeaks(roi, mask, 0)).toEqual(plain);
    }
  });

  it('find the peak of a flat image (every bound equals the best) and of an empty mask', () => {
    const dims: Dims = [20, 20, 10];
    const values = new Float32Array(4000).fill(12.5);
    const mask = new Uint8Array(4000).fill(1);
    expect([...localIntensity({ values, mask, dims, spacingMm: [1, 1, 1] }, mask)]).toEqual([
      12.5, 12.5,
    ]);
    const none = new Uint8Array(4000);
    const empty = localIntensity({ values, mask: none, dims, spacingMm: [1, 1, 1] }, none);
    expect([...empty]).toEqual([
      ...localIntensityReference({ values, mask: none, dims, spacingMm: [1, 1, 1] }, none),
    ]);
  });
});
