import { describe, expect, it } from 'vitest';
import { preloadOrder } from './preload.ts';

describe('preload order', () => {
  it('starts at the shown slice and widens around it', () => {
    expect(preloadOrder(7, 3)).toEqual([3, 4, 2, 5, 1, 6, 0]);
  });

  it('covers a stack once from either end', () => {
    expect(preloadOrder(4, 0)).toEqual([0, 1, 2, 3]);
    expect(preloadOrder(4, 3)).toEqual([3, 2, 1, 0]);
    expect(preloadOrder(0, 0)).toEqual([]);
  });

  it('stops at the frame limit, nearest slices first', () => {
    expect(preloadOrder(100, 50, 5)).toEqual([50, 51, 49, 52, 48]);
  });
});
