import { describe, expect, it } from 'vitest';
import { greyPixels, rgbToLuma } from './luminance.ts';

describe('BT.601 luminance', () => {
  it('weighs red, green and blue 0.299, 0.587, 0.114', () => {
    const rgb = new Float32Array([255, 0, 0, 0, 255, 0, 0, 0, 255, 100, 100, 100]);
    const y = rgbToLuma(rgb, 4);
    expect(Array.from(y)).toEqual([
      Math.fround(0.299 * 255),
      Math.fround(0.587 * 255),
      Math.fround(0.114 * 255),
      Math.fround(0.299 * 100 + 0.587 * 100 + 0.114 * 100),
    ]);
  });

  it('leaves grey frames as they are', () => {
    const frame = {
      values: new Float32Array([1, 2]),
      columns: 2,
      rows: 1,
      samplesPerPixel: 1 as const,
    };
    expect(greyPixels(frame)).toBe(frame);
  });
});
