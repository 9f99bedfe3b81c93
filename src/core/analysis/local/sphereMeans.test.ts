import { describe, expect, it } from 'vitest';
import { sphereMeans, sphereRadiusMm } from './sphereMeans';

/** Mean of the image voxels whose centres lie within the IBSI sphere, voxel by voxel. */
function bruteForceMean(
  values: Float32Array,
  dims: readonly [number, number, number],
  spacing: readonly [number, number, number],
  x: number,
  y: number,
  z: number,
): number {
  const [nx, ny, nz] = dims;
  const r2 = sphereRadiusMm * sphereRadiusMm;
  let sum = 0;
  let count = 0;
  for (let qz = 0; qz < nz; qz++)
    for (let qy = 0; qy < ny; qy++)
      for (let qx = 0; qx < nx; qx++) {
        const d2 =
          ((qx - x) * spacing[0]) ** 2 +
          ((qy - y) * spacing[1]) ** 2 +
          ((qz - z) * spacing[2]) ** 2;
        if (d2 > r2) continue;
        sum += values[qx + nx * (qy + ny * qz)];
        count++;
      }
  return sum / count;
}

/** Deterministic pseudo-random numbers in [0, 1). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('sphere means', () => {
  const cases: { dims: [number, number, number]; spacing: [number, number, number] }[] = [
    { dims: [17, 13, 9], spacing: [0.977, 1.31, 2.5] },
    { dims: [11, 19, 7], spacing: [1.9, 0.83, 3.1] },
    { dims: [23, 9, 1], spacing: [0.7, 1.2, 5] },
    { dims: [5, 6, 14], spacing: [4.1, 2.2, 1.05] },
  ];
  for (const [c, { dims, spacing }] of cases.entries()) {
    it(`match a brute-force sphere at every masked voxel (${dims.join('x')}, ${spacing.join('/')} mm)`, () => {
      const random = lcg(c + 1);
      const n = dims[0] * dims[1] * dims[2];
      // Fractional values, so the check covers rounding and not only exact integer sums.
      const values = Float32Array.from({ length: n }, () => random() * 2000 - 1000);
      // A sparse random mask that reaches the image border.
      const mask = Uint8Array.from({ length: n }, () => (random() < 0.4 ? 1 : 0));
      const { index, mean } = sphereMeans({ values, dims, spacingMm: spacing }, mask);
      const expected: number[] = [];
      for (let i = 0; i < n; i++) if (mask[i]) expected.push(i);
      expect([...index]).toEqual(expected);
      index.forEach((i, k) => {
        const x = i % dims[0];
        const y = Math.floor(i / dims[0]) % dims[1];
        const z = Math.floor(i / (dims[0] * dims[1]));
        const want = bruteForceMean(values, dims, spacing, x, y, z);
        expect(Math.abs(mean[k] - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
      });
    });
  }

  it('is exact for integer images', () => {
    const dims: [number, number, number] = [19, 17, 9];
    const spacing: [number, number, number] = [0.8, 0.95, 1.7];
    const random = lcg(99);
    const n = dims[0] * dims[1] * dims[2];
    const values = Float32Array.from({ length: n }, () => Math.round(random() * 4000 - 1024));
    const mask = new Uint8Array(n).fill(1);
    const { index, mean } = sphereMeans({ values, dims, spacingMm: spacing }, mask);
    index.forEach((i, k) => {
      const x = i % dims[0];
      const y = Math.floor(i / dims[0]) % dims[1];
      const z = Math.floor(i / (dims[0] * dims[1]));
      expect(mean[k]).toBe(bruteForceMean(values, dims, spacing, x, y, z));
    });
  });

  it('returns nothing for an empty mask', () => {
    const values = new Float32Array(8);
    const { index, mean } = sphereMeans(
      { values, dims: [2, 2, 2], spacingMm: [1, 1, 1] },
      new Uint8Array(8),
    );
    expect(index.length).toBe(0);
    expect(mean.length).toBe(0);
  });
});
