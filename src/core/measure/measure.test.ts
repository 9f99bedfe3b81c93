import { describe, expect, it } from 'vitest';
import { measure } from './measure';
import type { MeasureImage } from './types';

/** A w × h grey image whose pixel (x, y) holds x + w·y. */
function ramp(w: number, h: number, extra: Partial<MeasureImage> = {}): MeasureImage {
  const values = new Float32Array(w * h).map((_, i) => i);
  return {
    columns: w,
    rows: h,
    samplesPerPixel: 1,
    values,
    spacingMm: null,
    modality: 'CT',
    ...extra,
  };
}

function value<T>(r: { ok: true; value: T } | { ok: false }): T {
  if (!r.ok) throw new Error('expected a value');
  return r.value;
}

describe('length', () => {
  it('is in mm from the pixel spacing, in px without one', () => {
    const img = ramp(8, 8, { spacingMm: [0.5, 0.5] });
    expect(
      value(
        measure(
          'length',
          [
            [0, 0],
            [3, 4],
          ],
          img,
        ),
      ),
    ).toEqual({ kind: 'length', length: 2.5, unit: 'mm' });
    expect(
      value(
        measure(
          'length',
          [
            [0, 0],
            [3, 4],
          ],
          ramp(8, 8),
        ),
      ),
    ).toEqual({ kind: 'length', length: 5, unit: 'px' });
  });
  it('uses row spacing along y and column spacing along x', () => {
    // Row spacing 2 mm (between rows), column spacing 1 mm: 3 columns = 3 mm, 2 rows = 4 mm.
    const img = ramp(8, 8, { spacingMm: [2, 1] });
    expect(
      value(
        measure(
          'length',
          [
            [0, 0],
            [3, 2],
          ],
          img,
        ),
      ),
    ).toMatchObject({ length: 5, unit: 'mm' });
  });
});

describe('angle', () => {
  it('is the angle at the middle point, in degrees', () => {
    const img = ramp(4, 4);
    expect(
      value(
        measure(
          'angle',
          [
            [1, 0],
            [0, 0],
            [0, 1],
          ],
          img,
        ),
      ),
    ).toEqual({ kind: 'angle', degrees: 90 });
    expect(
      value(
        measure(
          'angle',
          [
            [-1, 0],
            [0, 0],
            [1, 0],
          ],
          img,
        ),
      ),
    ).toEqual({ kind: 'angle', degrees: 180 });
    expect(
      value(
        measure(
          'angle',
          [
            [2, 2],
            [1, 1],
            [3, 3],
          ],
          img,
        ),
      ),
    ).toEqual({ kind: 'angle', degrees: 0 });
  });
  it('is taken in the patient when row and column spacing differ', () => {
    const img = ramp(4, 4, { spacingMm: [2, 1] });
    // On screen 45°; in mm the second arm is (1, 2): atan(2).
    const { degrees } = value(
      measure(
        'angle',
        [
          [1, 0],
          [0, 0],
          [1, 1],
        ],
        img,
      ),
    ) as { degrees: number };
    expect(degrees).toBeCloseTo((Math.atan(2) * 180) / Math.PI, 12);
  });
});

describe('ROI statistics', () => {
  it('rectangle: the pixels whose centres are inside, population SD, area in mm², HU for CT', () => {
    const img = ramp(4, 4, { spacingMm: [0.5, 0.5] });
    // Centres (1.5, 1.5) … (2.5, 2.5): pixels 5, 6, 9, 10.
    expect(
      value(
        measure(
          'rectangle',
          [
            [3, 3],
            [1, 1],
          ],
          img,
        ),
      ),
    ).toEqual({
      kind: 'rectangle',
      pixels: 4,
      mean: 7.5,
      sd: Math.sqrt(4.25),
      min: 5,
      max: 10,
      area: 1,
      areaUnit: 'mm2',
      valueUnit: 'HU',
    });
  });
  it('ellipse: inscribed in the drawn box; area is the ellipse’s own, π·a·b', () => {
    const img = ramp(5, 5, { spacingMm: [2, 1] });
    const r = value(
      measure(
        'ellipse',
        [
          [0, 0],
          [5, 5],
        ],
        img,
      ),
    );
    // Centres within radius 2.5 of (2.5, 2.5): 21 pixels, symmetric about pixel 12.
    expect(r).toMatchObject({ pixels: 21, mean: 12, min: 1, max: 23, areaUnit: 'mm2' });
    expect((r as { sd: number }).sd).toBeCloseTo(Math.sqrt(884 / 21), 12);
    expect((r as { area: number }).area).toBeCloseTo(Math.PI * 2.5 * 5, 12);
  });
  it('no HU outside CT, px² without spacing, luma for colour', () => {
    const mr = value(
      measure(
        'rectangle',
        [
          [0, 0],
          [2, 1],
        ],
        ramp(4, 4, { modality: 'MR' }),
      ),
    );
    expect(mr).toMatchObject({ valueUnit: '', areaUnit: 'px2', area: 2, mean: 0.5 });
    const rgb = new Float32Array([255, 0, 0, 0, 255, 0]);
    const colour: MeasureImage = {
      columns: 2,
      rows: 1,
      samplesPerPixel: 3,
      values: rgb,
      spacingMm: null,
      modality: 'XC',
    };
    const c = value(
      measure(
        'rectangle',
        [
          [0, 0],
          [2, 1],
        ],
        colour,
      ),
    ) as { min: number; max: number };
    expect(c.min).toBeCloseTo(0.299 * 255, 4);
    expect(c.max).toBeCloseTo(0.587 * 255, 4);
  });
});

describe('probe', () => {
  it('reads the pixel under the point, HU for CT, null outside', () => {
    const img = ramp(4, 4);
    expect(value(measure('probe', [[2.7, 1.2]], img))).toEqual({
      kind: 'probe',
      pixel: [2, 1],
      value: 6,
      valueUnit: 'HU',
    });
    expect(value(measure('probe', [[4, 0]], img))).toMatchObject({ pixel: null, value: null });
  });
});

describe('bad input', () => {
  it('gets one problem naming what is missing', () => {
    const r = measure(
      'angle',
      [
        [0, 0],
        [1, 1],
      ],
      ramp(2, 2),
    );
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'measure-points',
        reason: 'The angle needs 3 points on the image.',
        params: { kind: 'angle', points: 2 },
      },
    });
    expect(
      measure(
        'length',
        [
          [0, NaN],
          [1, 1],
        ],
        ramp(2, 2),
      ).ok,
    ).toBe(false);
  });
});
