import { describe, expect, it } from 'vitest';
import { nearestSlice, planeOf, referenceLine, type PlaneMeta } from './planes';

// A 100 × 80 axial image (rows along +y, columns along +x), 0.5 mm pixels, at height z.
const axial = (z: number): PlaneMeta => ({
  imagePositionPatient: [0.25, 0.25, z],
  imageOrientationPatient: [1, 0, 0, 0, 1, 0],
  pixelSpacingMm: [0.5, 0.5],
  rows: 80,
  columns: 100,
});
// A 60 × 40 coronal image (columns along +x, rows along −z), 1 mm pixels, at depth y.
const coronal = (y: number): PlaneMeta => ({
  imagePositionPatient: [0.5, y, 19.5],
  imageOrientationPatient: [1, 0, 0, 0, 0, -1],
  pixelSpacingMm: [1, 1],
  rows: 40,
  columns: 60,
});

describe('image planes', () => {
  it('finds the nearest parallel slice, none outside the stack', () => {
    const stack = [0, 2.5, 5, 7.5].map((z) => planeOf(axial(z)));
    expect(nearestSlice(planeOf(axial(5.6))!, stack, 2.5)).toBe(2);
    expect(nearestSlice(planeOf(axial(6.3))!, stack, 2.5)).toBe(3);
    expect(nearestSlice(planeOf(axial(20))!, stack, 2.5)).toBeNull();
    // An orthogonal image has no nearest slice in an axial stack.
    expect(nearestSlice(planeOf(coronal(10))!, stack, 2.5)).toBeNull();
  });

  it('draws the reference line of a coronal image across an axial one', () => {
    // Coronal at y = 10 mm spans x 0..60 mm, z 20..-20; the axial at z = 5 cuts it along
    // y = 10 mm (row 20 of the axial) from x = 0 to x = 60 mm, i.e. columns 0 to 120, clipped
    // to the axial's 100 columns.
    const line = referenceLine(planeOf(coronal(10))!, planeOf(axial(5))!)!;
    const sorted = [...line].sort((a, b) => a[0] - b[0]);
    expect(sorted[0][0]).toBeCloseTo(0, 9);
    expect(sorted[0][1]).toBeCloseTo(20, 9);
    expect(sorted[1][0]).toBeCloseTo(100, 9);
    expect(sorted[1][1]).toBeCloseTo(20, 9);
    // And the axial at z = 5 across the coronal: row 15 (z = 20 − 15), columns 0 to 50.
    const back = referenceLine(planeOf(axial(5))!, planeOf(coronal(10))!)!;
    const s2 = [...back].sort((a, b) => a[0] - b[0]);
    expect(s2[0]).toEqual([expect.closeTo(0, 9), expect.closeTo(15, 9)]);
    expect(s2[1]).toEqual([expect.closeTo(50, 9), expect.closeTo(15, 9)]);
  });

  it('has no line for parallel planes, a plane outside the image, or a header without geometry', () => {
    expect(referenceLine(planeOf(axial(0))!, planeOf(axial(5))!)).toBeNull();
    // The axial at z = 30 is above the coronal's top (z = 20); at y = 50 the coronal misses
    // the axial (y 0..40).
    expect(referenceLine(planeOf(axial(30))!, planeOf(coronal(10))!)).toBeNull();
    expect(referenceLine(planeOf(coronal(50))!, planeOf(axial(5))!)).toBeNull();
    expect(planeOf({ ...axial(0), pixelSpacingMm: null })).toBeNull();
  });
});
