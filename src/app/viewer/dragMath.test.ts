import { describe, expect, it } from 'vitest';
import { dragScale, dragVoi, wheelSlices } from './dragMath.ts';

describe('viewport drags', () => {
  it('widen the window to the right and raise the level downwards, in steps of range/512', () => {
    expect(dragVoi({ center: 40, width: 400 }, 64, -32, 4096)).toEqual({
      center: -216,
      width: 912,
    });
  });

  it('never make the window narrower than one step', () => {
    expect(dragVoi({ center: 0, width: 100 }, -1000, 0, 512).width).toBe(1);
  });

  it('double the zoom for 200 px up and stay within bounds', () => {
    expect(dragScale(1.5, -200)).toBeCloseTo(3, 10);
    expect(dragScale(1, 10_000)).toBe(0.05);
  });

  it('scroll one slice per wheel notch', () => {
    expect([wheelSlices(120), wheelSlices(-3), wheelSlices(0)]).toEqual([1, -1, 0]);
  });
});
