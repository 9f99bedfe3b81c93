// The WASM SIMD blur against the plain TypeScript gaussianBlur(), in memories it does not own,
// and the committed WASM against its .wat source.
import { describe, expect, it } from 'vitest';
import { compileWat, wasmModules } from '../../../../../tools/analysis/wasmModules';
import { newWasmMemory, reserveBytes, type WasmMemory } from '../../wasmInstance';
import { gaussianBlur, gaussianKernel } from '../gaussian';
import type { Image2d } from '../image2d';
import { blurInMemory, blurKernelFits, blurTmpFloats, gaussianBlurWasm } from './blurSimd';
import { blurWasmBytes } from './blurWasmBytes';
import { newEdgesWasm } from './edgesWasm';

/** Integers in [-1000, 3000), or the same plus a fraction. */
function randomImage(w: number, h: number, seed: number, fractional: boolean): Image2d {
  let s = seed;
  const values = new Float32Array(w * h);
  for (let i = 0; i < values.length; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const v = (s / 2147483648) * 4000 - 1000;
    values[i] = fractional ? v : Math.round(v);
  }
  return { values, width: w, height: h };
}

/** Largest difference from gaussianBlur() as a fraction of the image's value range. */
function relativeError(image: Image2d, blurred: Float32Array, kernel: Float32Array): number {
  const expected = gaussianBlur(image, kernel).values;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of image.values) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    worst = Math.max(worst, Math.abs(blurred[i] - expected[i]));
  }
  return worst / Math.max(hi - lo, 1e-30);
}

function kernelOfRadius(r: number): Float32Array {
  return gaussianKernel(0.4 * r + 0.3, r);
}

const tolerance = 1e-5;

describe('WASM SIMD Gaussian blur', () => {
  it('is available in this runtime (Node 20+ has WASM SIMD)', () => {
    const memory = newWasmMemory()!;
    expect(blurInMemory(memory, 0, 0, 4 * 64, 8, 8, kernelOfRadius(1))).toBe(true);
  });

  it('was built from the current blur.wat', async () => {
    const bytes = await compileWat(wasmModules.blur.wat);
    expect([...blurWasmBytes]).toEqual([...bytes]);
  });

  const sizes: [number, number][] = [
    [8, 8],
    [9, 11],
    [13, 9],
    [16, 17],
    [31, 7],
    [64, 48],
    [67, 33],
    [100, 3],
  ];
  for (const fractional of [false, true]) {
    const kind = fractional ? 'fractional' : 'integer';
    it(`matches gaussianBlur() on ${kind} images for radii 1..7 (relative error < 1e-5)`, () => {
      for (const [w, h] of sizes) {
        for (let r = 1; r <= 7; r++) {
          const image = randomImage(w, h, w * 131 + h * 7 + r, fractional);
          const kernel = kernelOfRadius(r);
          if (!blurKernelFits(w, h, kernel)) continue;
          const err = relativeError(image, gaussianBlurWasm(image, kernel).values, kernel);
          expect(err, `${w}x${h}, radius ${r}`).toBeLessThan(tolerance);
        }
      }
    });
  }

  it('matches gaussianBlur() on images near the kernel size (r + 1 .. 2r + 5 wide and high)', () => {
    for (let r = 1; r <= 7; r++) {
      const kernel = kernelOfRadius(r);
      const lengths = [r + 1, r + 2, 2 * r, 2 * r + 1, 2 * r + 2, 2 * r + 3, 2 * r + 5];
      for (const w of lengths) {
        for (const h of lengths) {
          const image = randomImage(w, h, w * 97 + h + r, true);
          const err = relativeError(image, gaussianBlurWasm(image, kernel).values, kernel);
          expect(err, `${w}x${h}, radius ${r}`).toBeLessThan(tolerance);
        }
      }
    }
  });

  it("matches gaussianBlur() with Canny's default 11-tap kernel (sigma 1.4) and radius 15", () => {
    for (const [kernel, w, h] of [
      [gaussianKernel(1.4), 257, 131],
      [gaussianKernel(5, 15), 45, 38],
      [gaussianKernel(5, 15), 16, 16],
    ] as const) {
      const image = randomImage(w, h, w + h, true);
      const err = relativeError(image, gaussianBlurWasm(image, kernel).values, kernel);
      expect(err, `${w}x${h}, ${kernel.length} taps`).toBeLessThan(tolerance);
    }
  });

  it("blurs in place in another module's memory and writes nothing outside its planes", () => {
    const wasm = newEdgesWasm()!;
    const memory: WasmMemory = wasm.memory;
    const [w, h] = [37, 29];
    const kernel = gaussianKernel(1.4);
    const image = randomImage(w, h, 5, true);
    const n = w * h;
    const plane = 64; // byte offsets with sentinels around and between the planes
    const tmp = plane + 4 * n + 32;
    const end = tmp + 4 * blurTmpFloats(w, h, kernel);
    reserveBytes(memory, end + 64);
    const all = new Float32Array(memory.buffer);
    all.fill(-7);
    all.set(image.values, plane / 4);
    expect(blurInMemory(memory, plane, plane, tmp, w, h, kernel)).toBe(true);
    const after = new Float32Array(memory.buffer);
    const blurred = after.slice(plane / 4, plane / 4 + n);
    expect(relativeError(image, blurred, kernel)).toBeLessThan(tolerance);
    const untouched = [
      ...after.subarray(0, plane / 4),
      ...after.subarray(plane / 4 + n, tmp / 4),
      ...after.subarray(end / 4, end / 4 + 16),
    ];
    expect(untouched.every((v) => v === -7)).toBe(true);
  });

  it('blurs src into a separate dst, leaving src as it was', () => {
    const memory = newWasmMemory()!;
    const [w, h] = [40, 23];
    const kernel = kernelOfRadius(4);
    const image = randomImage(w, h, 11, false);
    const n = w * h;
    reserveBytes(memory, 4 * (2 * n + blurTmpFloats(w, h, kernel)));
    new Float32Array(memory.buffer, 0, n).set(image.values);
    expect(blurInMemory(memory, 0, 4 * n, 8 * n, w, h, kernel)).toBe(true);
    expect([...new Float32Array(memory.buffer, 0, n)]).toEqual([...image.values]);
    const blurred = new Float32Array(memory.buffer, 4 * n, n);
    expect(relativeError(image, blurred, kernel)).toBeLessThan(tolerance);
  });

  it('refuses an image no larger than the radius, or a kernel not odd and symmetric', () => {
    const memory = newWasmMemory()!;
    const before = new Uint8Array(memory.buffer).slice();
    expect(blurInMemory(memory, 0, 0, 4096, 3, 8, kernelOfRadius(3))).toBe(false);
    expect(blurInMemory(memory, 0, 0, 4096, 8, 2, kernelOfRadius(2))).toBe(false);
    expect(blurInMemory(memory, 0, 0, 4096, 8, 8, new Float32Array([0.25, 0.5, 0.25, 0]))).toBe(
      false,
    );
    expect(blurInMemory(memory, 0, 0, 4096, 8, 8, new Float32Array([0.2, 0.5, 0.3]))).toBe(false);
    expect(blurInMemory(memory, 0, 0, 4096, 8, 8, new Float32Array([1]))).toBe(false);
    expect(new Uint8Array(memory.buffer).every((v, i) => v === before[i])).toBe(true);
  });

  it('falls back to gaussianBlur() for an image too small for the kernel', () => {
    for (const [w, h, r] of [
      [3, 9, 3],
      [9, 2, 2],
      [1, 1, 1],
    ]) {
      const image = randomImage(w, h, w + h, true);
      const kernel = kernelOfRadius(r);
      const expected = gaussianBlur(image, kernel).values;
      expect([...gaussianBlurWasm(image, kernel).values]).toEqual([...expected]);
    }
  });

  it('throws for planes past the end of the memory or off a 4-byte boundary', () => {
    const memory = newWasmMemory()!;
    const kernel = kernelOfRadius(2);
    expect(() => blurInMemory(memory, 0, 0, 65536 - 4 * 64, 8, 8, kernel)).toThrow(RangeError);
    expect(() => blurInMemory(memory, 2, 2, 1024, 8, 8, kernel)).toThrow(RangeError);
  });
});
