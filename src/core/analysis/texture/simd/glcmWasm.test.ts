import { describe, expect, it } from 'vitest';
import { compileWat, wasmModules } from '../../../../../tools/analysis/wasmModules';
import { countFourWasm } from './glcmWasm';
import { glcmWasmBytes } from './glcmWasmBytes';

describe('WebAssembly GLCM counter', () => {
  it('was built from the current glcm.wat', async () => {
    expect([...glcmWasmBytes]).toEqual([...(await compileWat(wasmModules.glcm.wat))]);
  });

  it('counts the four directions of a 3x3 slice by hand', () => {
    // 1 2 1 / 2 1 2 / 1 2 2, levels 1..2 (g = 3 with the outside row and column 0).
    const levels = Uint16Array.from([1, 2, 1, 2, 1, 2, 1, 2, 2]);
    const tables = [0, 1, 2, 3].map(() => new Int32Array(9));
    // Shared box for offsets 1, nx+1, nx, nx-1: x in [1, 2), y in [0, 2).
    expect(countFourWasm(levels, 3, 3, [1, 2, 0, 2], [1, 4, 3, 2], tables)).toBe(true);
    // (1,0)->(2,0): 2->1; (1,1)->(2,1): 1->2  (one-way counts, row = first level)
    expect(tables[0][2 * 3 + 1]).toBe(1);
    expect(tables[0][1 * 3 + 2]).toBe(1);
    // (1,0)->(2,1): 2->2; (1,1)->(2,2): 1->2
    expect(tables[1][2 * 3 + 2]).toBe(1);
    expect(tables[1][1 * 3 + 2]).toBe(1);
    // (1,0)->(1,1): 2->1; (1,1)->(1,2): 1->2
    expect(tables[2][2 * 3 + 1]).toBe(1);
    expect(tables[2][1 * 3 + 2]).toBe(1);
    // (1,0)->(0,1): 2->2; (1,1)->(0,2): 1->1
    expect(tables[3][2 * 3 + 2]).toBe(1);
    expect(tables[3][1 * 3 + 1]).toBe(1);
    expect(tables.map((t) => t.reduce((a, b) => a + b, 0))).toEqual([2, 2, 2, 2]);
  });

  it('counts the usual directions (fixed table slots) as the general kernel does', () => {
    // 37 x 29 (odd row length), 33 levels with ROI holes; the general kernel is reached by
    // passing the same offsets in another order.
    const nx = 37;
    const ny = 29;
    const g = 34;
    let s = 7;
    const levels = Uint16Array.from({ length: nx * ny }, () => {
      s = (s * 69069 + 1) % 4294967296;
      return s % 41 < 6 ? 0 : 1 + (s % 33);
    });
    const box = [1, nx - 1, 0, ny - 1] as const;
    const usual = [0, 1, 2, 3].map(() => new Int32Array(g * g));
    const general = [0, 1, 2, 3].map(() => new Int32Array(g * g));
    expect(countFourWasm(levels, nx, g, box, [1, nx + 1, nx, nx - 1], usual)).toBe(true);
    const order = [2, 0, 3, 1];
    const offsets = [nx, 1, nx - 1, nx + 1];
    expect(
      countFourWasm(
        levels,
        nx,
        g,
        box,
        offsets,
        order.map((k) => general[k]),
      ),
    ).toBe(true);
    for (let k = 0; k < 4; k++) expect([...usual[k]]).toEqual([...general[k]]);
    expect(usual[0].reduce((a, b) => a + b, 0)).toBe((nx - 2) * (ny - 1));
  });
});
