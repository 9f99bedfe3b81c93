import { describe, expect, it } from 'vitest';
import { compileWat, wasmModules } from '../../../../../tools/analysis/wasmModules';
import { countFourWasm, slice2dMatricesWasm } from './glcmWasm';
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

  it('gives the four symmetric matrices of a whole slice, borders included, as a brute count', () => {
    // Odd and even row lengths, a single row, two columns; 33 levels with ROI holes (level 0).
    for (const [nx, ny] of [
      [37, 29],
      [36, 5],
      [5, 1],
      [2, 3],
    ]) {
      const g = 34;
      let s = nx * 1000 + ny;
      const levels = Uint16Array.from({ length: nx * ny }, () => {
        s = (s * 69069 + 1) % 4294967296;
        return s % 41 < 6 ? 0 : 1 + (s % 33);
      });
      const ng = g - 1;
      const expected = [
        [1, 0],
        [1, 1],
        [0, 1],
        [-1, 1],
      ].map(([dx, dy]) => {
        const m = new Float64Array(ng * ng);
        for (let y = 0; y + dy < ny; y++) {
          for (let x = Math.max(0, -dx); x < nx && x + dx < nx; x++) {
            const a = levels[y * nx + x];
            const b = levels[(y + dy) * nx + x + dx];
            if (a === 0 || b === 0) continue;
            m[(a - 1) * ng + b - 1]++;
            m[(b - 1) * ng + a - 1]++;
          }
        }
        return [...m];
      });
      const got = slice2dMatricesWasm(levels, nx, ny, g);
      expect(got?.map((m) => [...m])).toEqual(expected);
    }
  });
});
