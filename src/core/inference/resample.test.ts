import { describe, expect, it } from 'vitest';
import { resamplePlane } from './resample.ts';

const full = (w: number, h: number) => ({ x: 0, y: 0, width: w, height: h });

describe('resamplePlane', () => {
  it('area 4x4 -> 2x2 averages each 2x2 block', () => {
    const plane = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
    const out = resamplePlane(plane, 4, full(4, 4), 2, 2, 'area');
    expect(Array.from(out)).toEqual([3.5, 5.5, 11.5, 13.5]);
  });

  it('area 3 -> 2 weights the middle pixel by its half coverage', () => {
    // Output 0 covers [0, 1.5): (1*a + 0.5*b) / 1.5; output 1 covers [1.5, 3): (0.5*b + 1*c) / 1.5.
    const out = resamplePlane([0, 3, 6], 3, full(3, 1), 2, 1, 'area');
    expect(out[0]).toBeCloseTo(1, 6);
    expect(out[1]).toBeCloseTo(5, 6);
  });

  it('area at the same size is the identity', () => {
    const plane = Float32Array.from({ length: 28 * 28 }, (_, i) => (i * 37) % 255);
    expect(Array.from(resamplePlane(plane, 28, full(28, 28), 28, 28, 'area'))).toEqual(
      Array.from(plane),
    );
  });

  it('bilinear 2 -> 4 uses half-pixel centres and clamps at the edges', () => {
    // Sources at x = -0.25, 0.25, 0.75, 1.25 -> clamp(0), 0.25, 0.75, clamp(1).
    const out = resamplePlane([0, 8], 2, full(2, 1), 4, 1, 'bilinear');
    expect(Array.from(out)).toEqual([0, 2, 6, 8]);
  });

  it('nearest 4 -> 2 picks pixels 1 and 3 (centres at 1.0 and 3.0)', () => {
    expect(Array.from(resamplePlane([10, 20, 30, 40], 4, full(4, 1), 2, 1, 'nearest'))).toEqual([
      20, 40,
    ]);
  });

  it('resamples only the given region of a wider plane', () => {
    // 4 columns x 2 rows; the region is the middle 2x2 block.
    const plane = [0, 1, 2, 0, 0, 3, 4, 0];
    const out = resamplePlane(plane, 4, { x: 1, y: 0, width: 2, height: 2 }, 1, 1, 'area');
    expect(out[0]).toBe(2.5);
  });
});
