import { describe, expect, it } from 'vitest';
import { gramKernel, kernelBlock } from './kernel.ts';
import { seededRandom } from './random.ts';
import { smoWasmBytes } from './simd/smoWasmBytes.ts';
import { solveSmo } from './smo.ts';
import { compileWat, wasmModules } from '../../../../tools/analysis/wasmModules.ts';

describe('kernel matrix', () => {
  // Four rows at a time (WASM SIMD, an odd column count padded) or 4 × 4 tiles (TypeScript),
  // plus the remainder rows: either Gram matrix equals one product at a time.
  const random = seededRandom(5);
  const n = 23;
  const p = 7;
  const x = {
    rows: n,
    cols: p,
    data: Float64Array.from({ length: n * p }, () => random.next() - 0.5),
  };
  for (const kernel of [{ kind: 'linear' as const }, { kind: 'rbf' as const, gamma: 0.3 }])
    for (const simd of [true, false])
      it(`${kernel.kind}, ${simd ? 'WASM SIMD' : 'TypeScript'}: the Gram matrix equals the plain one`, () => {
        const tiled = new Float64Array(n * n);
        const plain = new Float64Array(n * n);
        gramKernel(kernel, x, tiled, simd);
        kernelBlock(kernel, x, { ...x }, plain);
        for (let k = 0; k < n * n; k++) expect(tiled[k]).toBeCloseTo(plain[k], 12);
      });
});

describe('SMO step scans', () => {
  it('runs the current smo.wat (npx tsx tools/analysis/build-wasm.ts rebuilds it)', async () => {
    expect([...(await compileWat(wasmModules.classifierSmo.wat))]).toEqual([...smoWasmBytes]);
  });

  // Both kernels, a C that leaves cases at each bound: the WebAssembly scans and the
  // TypeScript ones make the same steps, so the same α and ρ to the last bit.
  for (const [kernel, C] of [
    [{ kind: 'linear' as const }, 0.05],
    [{ kind: 'rbf' as const, gamma: 0.3 }, 5],
  ] as const)
    it(`${kernel.kind}: WASM and TypeScript scans reach the same α and ρ`, () => {
      const random = seededRandom(9);
      const n = 301;
      const p = 5;
      const data = Float64Array.from({ length: n * p }, () => random.next() - 0.5);
      const sign = Int8Array.from({ length: n }, (_, i) =>
        data[i * p] + data[i * p + 1] + 0.3 * (random.next() - 0.5) > 0 ? 1 : -1,
      );
      const K = new Float32Array(n * n);
      gramKernel(kernel, { rows: n, cols: p, data }, K);
      const wasm = solveSmo(K, sign, C, 1e-6, 1e7, true);
      const js = solveSmo(K, sign, C, 1e-6, 1e7, false);
      expect(wasm.iterations).toBeGreaterThan(100);
      expect(wasm.iterations).toBe(js.iterations);
      expect(wasm.rho).toBe(js.rho);
      expect(Array.from(wasm.alpha)).toEqual(Array.from(js.alpha));
      expect(wasm.alpha.some((a) => a >= C)).toBe(true);
      expect(wasm.alpha.some((a) => a > 0 && a < C)).toBe(true);
    });
});
