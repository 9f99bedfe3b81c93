import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Interpolation } from '../params';
import { maskOf, type Dims, type SpacingMm } from '../volume';
import { resampleGrid } from './grid';
import { resampleValues } from './resample';
import { resampleRoi } from './resampleRoi';

// Made by tools/processing/make-interpolation-fixtures.py with scipy.ndimage.map_coordinates.
interface Case {
  name: string;
  dims: Dims;
  spacingMm: SpacingMm;
  targetMm: number[];
  values: number[];
  expected: Record<Interpolation, { dims: Dims; values: number[] }>;
}
const fixtures = JSON.parse(
  readFileSync(new URL('./interpolation.fixtures.json', import.meta.url), 'utf8'),
) as { cases: Case[] };

/** Largest |ours - scipy| relative to the image's value range. */
function worstError(ours: Float32Array, theirs: number[], scale: number): number {
  let worst = 0;
  for (let i = 0; i < theirs.length; i++)
    worst = Math.max(worst, Math.abs(ours[i] - theirs[i]) / scale);
  return worst;
}

describe('resampling on the IBSI grid agrees with scipy.ndimage.map_coordinates', () => {
  for (const c of fixtures.cases) {
    const values = Float32Array.from(c.values);
    const range = Math.max(...c.values) - Math.min(...c.values) || 1;
    const grid = resampleGrid(c.dims, c.spacingMm, c.targetMm);
    it(`${c.name}: nearest is exact`, () => {
      const out = resampleValues(values, c.dims, grid, 'nearest');
      expect(out.dims).toEqual(c.expected.nearest.dims);
      expect([...out.values]).toEqual(c.expected.nearest.values.map(Math.fround));
    });
    for (const method of ['linear', 'cubic'] as const) {
      it(`${c.name}: ${method} within 1e-5 of the value range`, () => {
        const out = resampleValues(values, c.dims, grid, method);
        expect(out.dims).toEqual(c.expected[method].dims);
        expect(worstError(out.values, c.expected[method].values, range)).toBeLessThan(1e-5);
      });
    }
  }

  it('a part of the grid is the same part of the whole result', () => {
    const c = fixtures.cases[0];
    const values = Float32Array.from(c.values);
    const grid = resampleGrid(c.dims, c.spacingMm, c.targetMm);
    for (const method of ['nearest', 'linear', 'cubic'] as const) {
      const whole = resampleValues(values, c.dims, grid, method);
      const part = resampleValues(values, c.dims, grid, method, [
        [2, 7],
        [1, 4],
        [3, 9],
      ]);
      expect(part.dims).toEqual([5, 3, 6]);
      const [nx, ny] = whole.dims;
      for (let z = 0; z < 6; z++)
        for (let y = 0; y < 3; y++)
          for (let x = 0; x < 5; x++)
            expect(part.values[x + 5 * (y + 3 * z)]).toBeCloseTo(
              whole.values[x + 2 + nx * (y + 1 + ny * (z + 3))],
              3,
            );
    }
  });
});

describe('resampling a ROI', () => {
  const blob = fixtures.cases.find((c) => c.name.startsWith('mask'))!;
  const mask = Uint8Array.from(blob.values);
  const image = Float32Array.from(blob.values, (v, i) => 10 * v + (i % 7));
  const roi = { values: image, mask, dims: blob.dims, spacingMm: blob.spacingMm };

  it('keeps the mask where scipy`s linear fraction reaches 0.5', () => {
    const out = resampleRoi(
      { ...roi, dims: blob.dims },
      { spacingMm: blob.targetMm, interpolation: 'linear', maskThreshold: 0.5 },
      { round: false, marginMm: 100 },
    );
    expect(out.dims).toEqual(blob.expected.linear.dims);
    expect([...maskOf(out)]).toEqual(blob.expected.linear.values.map((v) => (v >= 0.5 ? 1 : 0)));
    expect(out.spacingMm).toEqual([1.4, 1.4, 2]);
  });

  it('a slice spacing of 2.99999999999985 mm keeps the voxels an exact 3 mm keeps', () => {
    // 3 mm to 2 mm puts new points exactly between two old ones: mask fraction 0.5 there.
    const dims: Dims = [1, 1, 4];
    const one = { values: new Float32Array(4), mask: Uint8Array.from([1, 1, 0, 0]), dims };
    const at = (z: number) =>
      resampleRoi(
        { ...one, spacingMm: [1, 1, z] },
        { spacingMm: [1, 1, 2], interpolation: 'linear', maskThreshold: 0.5 },
        { round: false, marginMm: 100 },
      );
    const exact = at(3);
    expect(exact.dims).toEqual([1, 1, 6]);
    expect([...maskOf(exact)]).toEqual([1, 1, 1, 0, 0, 0]);
    for (const noisy of [2.99999999999985, 3.00000000000015]) {
      const out = at(noisy);
      expect(out.dims).toEqual([1, 1, 6]);
      expect([...maskOf(out)]).toEqual([...maskOf(exact)]);
    }
  });

  it('rounds CT to integers, halves to even as numpy does', () => {
    const dims: Dims = [4, 1, 1];
    const out = resampleRoi(
      {
        values: Float32Array.from([10, 11, 12, 13]),
        mask: new Uint8Array(4).fill(1),
        dims,
        spacingMm: [2, 1, 1],
      },
      { spacingMm: [1, 1], interpolation: 'linear', maskThreshold: 0.5 },
      { round: true, marginMm: 100 },
    );
    // Points at 0.25 steps: 10, 10.25, 10.75, 11.25, 11.75, 12.25, 12.75, 13 (edges clamp).
    expect(out.dims).toEqual([8, 1, 1]);
    expect([...out.values]).toEqual([10, 10, 11, 11, 12, 12, 13, 13]);
    const halves = resampleRoi(
      {
        values: Float32Array.from([10, 11, 12]),
        mask: new Uint8Array(3).fill(1),
        dims: [3, 1, 1],
        spacingMm: [2, 1, 1],
      },
      { spacingMm: [1, 1], interpolation: 'linear', maskThreshold: 0.5 },
      { round: true, marginMm: 100 },
    );
    // Points at -0.25, 0.25, 0.75, 1.25, 1.75, 2.25: 10, 10.25, 10.75, 11.25, 11.75, 12.
    expect([...halves.values]).toEqual([10, 10, 11, 11, 12, 12]);
  });
});
