import { describe, expect, it } from 'vitest';
import { wasmModules, compileWat } from '../../../../../tools/analysis/wasmModules';
import type { DiscreteVolume } from '../../volume';
import { ngldmMatrix, ngldmMatrixJs } from '../ngldm';
import { ngtdmMatrix, ngtdmMatrixJs } from '../ngtdm';
import { neighboursWasmBytes } from './neighboursWasmBytes';

function randomVolume(
  dims: [number, number, number],
  levels: number,
  seed: number,
): DiscreteVolume {
  let s = seed;
  const rand = (): number => (s = (s * 1103515245 + 12345) >>> 0) / 4294967296;
  const n = dims[0] * dims[1] * dims[2];
  // Smooth-ish levels with holes (level 0 is outside the ROI).
  const out = new Uint16Array(n);
  for (let i = 0; i < n; i++)
    out[i] = rand() < 0.15 ? 0 : 1 + Math.floor(((i % 7) / 7 + rand()) * 0.5 * levels);
  return { levels: out, dims, spacingMm: [1, 1, 1], levelCount: levels };
}

describe('NGTDM and NGLDM from WebAssembly neighbourhood counts', () => {
  it('equal the plain TypeScript matrices bit for bit (2D and 3D, distances 1 and 2, alpha 0 to 3)', () => {
    const cases: [[number, number, number], number][] = [
      [[17, 13, 9], 8],
      [[32, 24, 6], 32],
      [[5, 3, 4], 3],
      [[41, 7, 3], 500],
    ];
    let seed = 1;
    for (const [dims, levels] of cases) {
      const v = randomVolume(dims, levels, seed++);
      for (const z of [-1, 0, dims[2] - 1])
        for (const d of [1, 2]) {
          expect(ngtdmMatrix(v, z, d)).toEqual(ngtdmMatrixJs(v, z, d));
          for (const alpha of [0, 1, 3])
            expect(ngldmMatrix(v, z, d, alpha)).toEqual(ngldmMatrixJs(v, z, d, alpha));
        }
    }
  });

  it('are built from the current neighbours.wat', async () => {
    expect([...(await compileWat(wasmModules.neighbours.wat))]).toEqual([...neighboursWasmBytes]);
  });
});
