import { describe, expect, it } from 'vitest';
import { fleissKappa } from './fleiss';

describe("Fleiss' kappa", () => {
  it('is 0.210 for the classic 10 subjects x 14 raters x 5 categories example (P 0.378, Pe 0.213)', () => {
    const counts = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    expect(fleissKappa(counts)).toBeCloseTo(0.20993, 5);
  });

  it('is 1 when all raters agree on every subject', () => {
    expect(
      fleissKappa([
        [3, 0],
        [0, 3],
        [3, 0],
      ]),
    ).toBe(1);
  });
});
