import { describe, expect, it } from 'vitest';
import { borderDistance } from './borderDistance';

describe('GLDZM border distance', () => {
  it('counts 4-connected steps to the outside in a slice: rings 1, 2 and centre 3', () => {
    const d = borderDistance(new Uint8Array(25).fill(1), [5, 5, 1], 0);
    expect([...d]).toEqual([
      1, 1, 1, 1, 1, 1, 2, 2, 2, 1, 1, 2, 3, 2, 1, 1, 2, 2, 2, 1, 1, 1, 1, 1, 1,
    ]);
  });

  it('treats a hole as outside and uses 6-connectivity in 3D', () => {
    const mask = new Uint8Array(27).fill(1);
    expect(borderDistance(mask, [3, 3, 3], -1)[13]).toBe(2);
    // The same cube as three slices: every voxel of a 3x3 slice but the centre touches the edge.
    expect(borderDistance(mask, [3, 3, 3], 1)[4]).toBe(2);
    mask[13] = 0;
    const holed = borderDistance(mask, [3, 3, 3], -1);
    expect(holed[13]).toBe(0);
    expect(Math.max(...holed)).toBe(1);
  });
});
