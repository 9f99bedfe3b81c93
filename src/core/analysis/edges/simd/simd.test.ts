// The WASM SIMD kernels against the plain TypeScript ones, and the committed WASM against its
// .wat source.
import { describe, expect, it } from 'vitest';
import { compileWat, wasmModules } from '../../../../../tools/analysis/wasmModules';
import { canny } from '../canny';
import type { Image2d } from '../image2d';
import { sobel } from '../sobel';
import { edgesWasm } from './edgesWasm';
import { edgesWasmBytes } from './edgesWasmBytes';
import { sobelSimd } from './sobelSimd';

function randomImage(w: number, h: number, seed: number): Image2d {
  let s = seed;
  const values = new Float32Array(w * h);
  for (let i = 0; i < values.length; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    values[i] = Math.round((s / 2147483648) * 4000 - 1000);
  }
  return { values, width: w, height: h };
}

const sizes: [number, number][] = [
  [6, 3],
  [8, 5],
  [13, 9],
  [64, 48],
  [67, 33],
  [3, 3],
];

describe('WASM SIMD edge kernels', () => {
  it('are available in this runtime (Node 20+ has WASM SIMD)', () => {
    expect(edgesWasm()).not.toBeNull();
  });

  it('were built from the current edges.wat', async () => {
    const bytes = await compileWat(wasmModules.edges.wat);
    expect([...edgesWasmBytes]).toEqual([...bytes]);
  });

  for (const [w, h] of sizes) {
    it(`Sobel matches the TypeScript kernel exactly on ${w}x${h}`, () => {
      const img = randomImage(w, h, w * 31 + h);
      const a = sobel(img);
      const b = sobelSimd(img);
      expect([...b.gx]).toEqual([...a.gx]);
      expect([...b.gy]).toEqual([...a.gy]);
      for (let i = 0; i < a.magnitude.length; i++) {
        expect(b.magnitude[i]).toBeCloseTo(a.magnitude[i], 2);
      }
    });
  }
});

describe('Canny with SIMD kernels', () => {
  it('marks exactly the edges of the plain TypeScript path, absolute and percentile thresholds', () => {
    const w = 96;
    const h = 70;
    const img = randomImage(w, h, 99);
    // A smooth disc on noise, so there are real edges as well as noise.
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++)
        if ((x - 40) ** 2 + (y - 30) ** 2 < 400) img.values[y * w + x] += 6000;
    for (const options of [
      { sigma: 0, low: 3000, high: 9000, thresholds: 'absolute' as const },
      { sigma: 0, low: 2999.7, high: 9000.1, thresholds: 'absolute' as const },
      { sigma: 1.1, low: 80, high: 95, thresholds: 'percentile' as const },
    ]) {
      const fast = canny(img, options, undefined, true);
      const plain = canny(img, options, undefined, false);
      expect(fast.edges.reduce((a, b) => a + b, 0)).toBeGreaterThan(50);
      expect([...fast.edges]).toEqual([...plain.edges]);
    }
  });
});
