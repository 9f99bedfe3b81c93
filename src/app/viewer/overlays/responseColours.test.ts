import { describe, expect, it } from 'vitest';
import { responseRgba } from './responseColours.ts';

describe('response colours', () => {
  it('maps the window ends to the scale ends and clamps beyond them', () => {
    const rgba = responseRgba(Float32Array.from([-10, 0, 5, 10, 99]), 0, 10);
    const px = (i: number) => Array.from(rgba.slice(i * 4, i * 4 + 4));
    expect(px(0)).toEqual([48, 18, 59, 255]);
    expect(px(1)).toEqual(px(0));
    expect(px(3)).toEqual([122, 4, 3, 255]);
    expect(px(4)).toEqual(px(3));
    expect(px(2)).not.toEqual(px(1));
  });
});
