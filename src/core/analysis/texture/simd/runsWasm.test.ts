import { describe, expect, it } from 'vitest';
import { compileWat, wasmModules } from '../../../../../tools/analysis/wasmModules';
import type { Dims, DiscreteVolume } from '../../volume';
import { directions2d, directions3d, type Direction } from '../directions';
import { glrlmMatricesReference } from '../glrlm';
import { randomRuns } from '../testing/randomRuns';
import { runMatricesWasm } from './runsWasm';
import { runsWasmBytes } from './runsWasmBytes';

const reversed: Direction[] = [
  [-1, 0, 0],
  [0, -1, -1],
  [1, 1, -1],
  [0, 0, -1],
];

describe('GLRLM counted in WebAssembly', () => {
  it('equals the plain TypeScript runs bit for bit (3D and every slice, narrow to wide)', () => {
    let seed = 7;
    const cases: [Dims, number, number][] = [
      [[9, 7, 5], 3, 0.1],
      [[16, 3, 8], 12, 0.1],
      [[1, 12, 3], 1, 0.1],
      [[20, 20, 1], 5, 0],
      [[33, 17, 6], 40, 0.3],
      [[64, 9, 4], 2, 0],
      [[5, 4, 4], 6, 0.2],
    ];
    for (const [dims, levels, hole] of cases) {
      const v = randomRuns(dims, levels, seed++, { hole });
      const all = [...directions3d, ...reversed];
      const wasm = runMatricesWasm(v, all, -1);
      expect(wasm).not.toBeNull();
      expect(wasm).toEqual(glrlmMatricesReference(v, all, -1));
      for (let z = 0; z < dims[2]; z++)
        expect(runMatricesWasm(v, directions2d, z)).toEqual(
          glrlmMatricesReference(v, directions2d, z),
        );
    }
  });

  it('counts a whole-image run as long as the image (no level 0 anywhere)', () => {
    const dims: Dims = [40, 3, 2];
    const v: DiscreteVolume = {
      levels: new Uint16Array(240).fill(2),
      dims,
      spacingMm: [1, 1, 1],
      levelCount: 2,
    };
    const [m] = runMatricesWasm(v, [[1, 0, 0]], -1) ?? [];
    expect(m.data[40 + 39]).toBe(6);
    expect(m.voxels).toBe(240);
  });

  it('declines what it cannot count, so the caller counts in TypeScript', () => {
    const v = randomRuns([8, 8, 2], 3, 1);
    expect(runMatricesWasm(v, [[0, 0, 1]], 0)).toBeNull();
    expect(runMatricesWasm({ ...v, levelCount: 70000 }, directions3d, -1)).toBeNull();
  });

  it('is built from the current runs.wat', async () => {
    expect([...(await compileWat(wasmModules.runs.wat))]).toEqual([...runsWasmBytes]);
  });
});
