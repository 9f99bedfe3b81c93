// The L2 objective's WebAssembly SIMD pass against its TypeScript loops: the same value and
// gradient to round-off, on a shape with odd rows and columns (the kernels' scalar tails).
import { describe, expect, it } from 'vitest';
import { fitLogistic, l2Objective } from './logistic.ts';
import { seededRandom } from './random.ts';
import { applyScaler, fitScaler } from './standardize.ts';
import { linearWasmBytes } from './simd/linearWasmBytes.ts';
import { compileWat, wasmModules } from '../../../../tools/analysis/wasmModules.ts';

function problem(rows: number, cols: number) {
  const random = seededRandom(11);
  const data = Float64Array.from({ length: rows * cols }, () => 4 * random.next() - 2);
  const y = Uint8Array.from({ length: rows }, (_, i) =>
    data[i * cols] + random.next() > 0.5 ? 1 : 0,
  );
  return { x: { rows, cols, data }, y };
}

describe('L2 logistic objective', () => {
  it('runs the current linear.wat (npx tsx tools/analysis/build-wasm.ts rebuilds it)', async () => {
    expect([...(await compileWat(wasmModules.classifierLinear.wat))]).toEqual([...linearWasmBytes]);
  });

  it('WASM SIMD and TypeScript give the same value and gradient', () => {
    for (const [rows, cols] of [
      [101, 37],
      [64, 8],
      [3, 1],
    ]) {
      const { x, y } = problem(rows, cols);
      const p = Float64Array.from({ length: cols + 1 }, (_, j) => Math.sin(j + 1));
      const gJs = new Float64Array(cols + 1);
      const gWasm = new Float64Array(cols + 1);
      const fJs = l2Objective(x, y, 0.7, false).evaluate(p, gJs);
      const fWasm = l2Objective(x, y, 0.7, true).evaluate(p, gWasm);
      expect(Math.abs(fWasm - fJs)).toBeLessThan(1e-12 * Math.abs(fJs));
      for (let j = 0; j <= cols; j++) expect(gWasm[j]).toBeCloseTo(gJs[j], 11);
      expect(gWasm.some((v, j) => v !== p[j] / 0.7)).toBe(true); // the data term is there
    }
  });

  it("a kept workspace's old values do not reach the cases past the last panel's end", () => {
    // A fit on 8 cases of NaN leaves NaN where the next, 5-case fit has its padding case.
    const junk = { rows: 8, cols: 37, data: new Float64Array(8 * 37).fill(NaN) };
    l2Objective(junk, new Uint8Array(8), 1, true).release();
    const { x, y } = problem(5, 37);
    const p = Float64Array.from({ length: 38 }, (_, j) => Math.cos(j));
    const gJs = new Float64Array(38);
    const gWasm = new Float64Array(38);
    const fJs = l2Objective(x, y, 1, false).evaluate(p, gJs);
    const wasm = l2Objective(x, y, 1, true);
    const fWasm = wasm.evaluate(p, gWasm);
    wasm.release();
    expect(Math.abs(fWasm - fJs)).toBeLessThan(1e-12 * Math.abs(fJs));
    for (let j = 0; j <= 37; j++) expect(gWasm[j]).toBeCloseTo(gJs[j], 11);
  });

  it('standardizing inside the solver fits the same model as a standardized copy, bit for bit', () => {
    const { x, y } = problem(203, 9);
    const shifted = { ...x, data: x.data.map((v, k) => 40 + v * (1 + (k % 9))) };
    const scaler = fitScaler(shifted);
    for (const penalty of ['l2', 'l1'] as const)
      for (const simd of [true, false]) {
        const inside = fitLogistic(shifted, y, { penalty, C: 0.5, simd, standardize: scaler });
        const outside = fitLogistic(applyScaler(scaler, shifted), y, { penalty, C: 0.5, simd });
        expect(Array.from(inside.weights)).toEqual(Array.from(outside.weights));
        expect(inside.intercept).toBe(outside.intercept);
      }
  });

  it('fits the same model either way', () => {
    const { x, y } = problem(301, 13);
    const a = fitLogistic(x, y, { penalty: 'l2', C: 2 });
    const b = fitLogistic(x, y, { penalty: 'l2', C: 2, simd: false });
    for (let j = 0; j < 13; j++) expect(a.weights[j]).toBeCloseTo(b.weights[j], 8);
    expect(a.intercept).toBeCloseTo(b.intercept, 8);
  });
});
