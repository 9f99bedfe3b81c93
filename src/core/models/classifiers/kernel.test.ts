import { describe, expect, it } from 'vitest';
import { gramKernel, kernelBlock } from './kernel.ts';
import { seededRandom } from './random.ts';

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
