import { describe, expect, it } from 'vitest';
import { directions2d, directions3d, type Direction } from './directions';
import { glrlmMatricesReference, glrlmMatricesTs } from './glrlm';
import { randomRuns } from './testing/randomRuns';

describe('GLRLM counted at run ends', () => {
  it('equals walking every run from its start (3D and each slice, odd and even slice counts)', () => {
    const reversed: Direction[] = [
      [-1, 0, 0],
      [0, -1, -1],
      [1, 1, -1],
    ];
    let seed = 3;
    for (const dims of [
      [9, 7, 5],
      [16, 3, 8],
      [1, 12, 3],
      [20, 20, 1],
    ] as [number, number, number][])
      for (const levels of [1, 3, 12]) {
        const v = randomRuns(dims, levels, seed++);
        const all = [...directions3d, ...reversed];
        expect(glrlmMatricesTs(v, all, -1)).toEqual(glrlmMatricesReference(v, all, -1));
        for (let z = 0; z < dims[2]; z++)
          expect(glrlmMatricesTs(v, directions2d, z)).toEqual(
            glrlmMatricesReference(v, directions2d, z),
          );
      }
  });
});
