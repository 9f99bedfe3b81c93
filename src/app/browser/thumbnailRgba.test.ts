import { describe, expect, it } from 'vitest';
import type { DecodedFrame } from '../../core/dicom/types.ts';
import { thumbnailRgba } from './thumbnailRgba.ts';

function grey(rows: number, columns: number, f: (r: number, c: number) => number): DecodedFrame {
  const values = new Float32Array(rows * columns);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < columns; c++) values[r * columns + c] = f(r, c);
  return { rows, columns, samplesPerPixel: 1, values, min: 0, max: 0, invert: false };
}

describe('series thumbnails', () => {
  it('keep the aspect ratio within the requested size', () => {
    const t = thumbnailRgba(
      grey(100, 200, () => 0),
      { center: 0, width: 1 },
      64,
    );
    expect([t.width, t.height]).toEqual([64, 32]);
    expect(t.data.length).toBe(64 * 32 * 4);
  });

  it('window grey values as the viewer does: below the window black, above white', () => {
    // Left half -1000 HU, right half 1000 HU, seen at W 400 L 40.
    const t = thumbnailRgba(
      grey(8, 8, (_, c) => (c < 4 ? -1000 : 1000)),
      { center: 40, width: 400 },
      8,
    );
    expect([t.data[0], t.data[3]]).toEqual([0, 255]);
    expect(t.data[7 * 4]).toBe(255);
    const mid = thumbnailRgba(
      grey(2, 2, () => 40),
      { center: 40, width: 400 },
      2,
    );
    expect(Math.abs(mid.data[0] - 127.5)).toBe(0.5); // the window centre is mid-grey
  });

  it('invert MONOCHROME1 frames', () => {
    const f = { ...grey(2, 2, () => -1000), invert: true };
    expect(thumbnailRgba(f, { center: 40, width: 400 }, 2).data[0]).toBe(255);
  });
});

describe('thumbnails of 16-bit colour', () => {
  it('show a palette with 16-bit entries (0–65280) in 8 bits, not clipped to white', () => {
    const values = new Float32Array([65280, 0, 32640, 0, 65280, 0]);
    const frame = {
      rows: 1,
      columns: 2,
      samplesPerPixel: 3 as const,
      values,
      min: 0,
      max: 65280,
      invert: false,
    };
    const t = thumbnailRgba(frame, { center: 127.5, width: 256 }, 2);
    expect(Array.from(t.data)).toEqual([254, 0, 127, 255, 0, 254, 0, 255]);
  });
});
