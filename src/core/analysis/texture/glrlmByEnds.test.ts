import { describe, expect, it } from 'vitest';
import type { DiscreteVolume } from '../volume';
import { directions2d, directions3d, type Direction } from './directions';
import { glrlmMatricesReference, glrlmMatricesTs } from './glrlm';

function randomVolume(
  dims: [number, number, number],
  levels: number,
  seed: number,
): DiscreteVolume {
  let s = seed;
  const rand = (): number => (s = (s * 1103515245 + 12345) >>> 0) / 4294967296;
  const out = new Uint16Array(dims[0] * dims[1] * dims[2]);
  // Long runs of few levels, holes outside the ROI (level 0).
  let g = 1;
  for (let i = 0; i < out.length; i++) {
    if (rand() < 0.3) g = 1 + Math.floor(rand() * levels);
    out[i] = rand() < 0.1 ? 0 : g;
  }
  return { levels: out, dims, spacingMm: [1, 1, 1], levelCount: levels };
}

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
        const v = randomVolume(dims, levels, seed++);
        const all = [...directions3d, ...reversed];
        expect(glrlmMatricesTs(v, all, -1)).toEqual(glrlmMatricesReference(v, all, -1));
        for (let z = 0; z < dims[2]; z++)
          expect(glrlmMatricesTs(v, directions2d, z)).toEqual(
            glrlmMatricesReference(v, directions2d, z),
          );
      }
  });
});
