import { describe, expect, it } from 'vitest';
import { compileWat, wasmModules } from '../../../../../tools/analysis/wasmModules';
import { countFourWasm, glcmCellsWasm, log2Wasm, slice2dMatricesWasm } from './glcmWasm';
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

  it('takes log2 to within 1e-15 of Math.log2', () => {
    let s = 11;
    for (let k = 0; k < 20000; k++) {
      s = (s * 16807) % 2147483647;
      const u = s / 2147483647 - 0.5;
      const x = k % 2 ? Math.exp(80 * u) : 1 + 1e-3 * u;
      const expected = Math.log2(x);
      expect(Math.abs((log2Wasm(x) ?? NaN) - expected)).toBeLessThanOrEqual(
        1e-15 * Math.max(Math.abs(expected), 1e-300),
      );
    }
  });

  it('gives the cell sums of glcmFeatures as their defining formulas do', () => {
    // A symmetric 9 x 9 count matrix with empty cells, rows and columns.
    const ng = 9;
    const counts = new Float64Array(ng * ng);
    let s = 3;
    for (let r = 0; r < ng; r++) {
      for (let c = r; c < ng; c++) {
        s = (s * 69069 + 1) % 4294967296;
        const n = r === 4 || c === 4 || s % 5 === 0 ? 0 : s % 1000;
        counts[r * ng + c] = counts[c * ng + r] = n;
      }
    }
    const total = counts.reduce((a, b) => a + b, 0);
    const p = (r: number, c: number): number => counts[r * ng + c] / total;
    const px = Array.from({ length: ng }, (_, r) => {
      let t = 0;
      for (let c = 0; c < ng; c++) t += p(r, c);
      return t;
    });
    let [max, asm, auto, ent, mu, hx, hxy1, hxy2, corr] = [0, 0, 0, 0, 0, 0, 0, 0, 0];
    for (let r = 0; r < ng; r++) {
      mu += (r + 1) * px[r];
      if (px[r] > 0) hx -= px[r] * Math.log2(px[r]);
    }
    for (let r = 0; r < ng; r++) {
      for (let c = 0; c < ng; c++) {
        const v = p(r, c);
        const pxy = px[r] * px[c];
        if (pxy > 0) hxy2 -= pxy * Math.log2(pxy);
        if (v === 0) continue;
        max = Math.max(max, v);
        asm += v * v;
        auto += (r + 1) * (c + 1) * v;
        ent -= v * Math.log2(v);
        hxy1 -= v * Math.log2(pxy);
        corr += (r + 1 - mu) * (c + 1 - mu) * v;
      }
    }
    const gotPx = new Float64Array(ng);
    const pDiff = new Float64Array(ng);
    const pSum = new Float64Array(2 * ng - 1);
    const sums = new Float64Array(9);
    expect(glcmCellsWasm(counts, ng, gotPx, pDiff, pSum, sums)).toBe(true);
    const expected = [max, asm, auto, ent, mu, hx, hxy1, hxy2, corr];
    sums.forEach((v, k) =>
      expect(Math.abs(v - expected[k])).toBeLessThan(1e-12 * Math.abs(expected[k])),
    );
    gotPx.forEach((v, r) => expect(v).toBeCloseTo(px[r], 14));
    expect(pDiff.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    expect(pSum.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    expect(pDiff[3]).toBeCloseTo(
      px.reduce((t, _, r) => t + (r >= 3 ? p(r, r - 3) : 0) + (r + 3 < ng ? p(r, r + 3) : 0), 0),
      14,
    );
    expect(pSum[5]).toBeCloseTo(
      px.reduce((t, _, r) => t + (5 - r >= 0 && 5 - r < ng ? p(r, 5 - r) : 0), 0),
      14,
    );
  });
});
