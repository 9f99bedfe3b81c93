import { describe, expect, it } from 'vitest';
import { voxelKindOf } from '../analysis/volumeFromFrames.ts';
import { VoxelStack } from './voxelStack.ts';

/** Seeded slices of 4 values: integers in [lo, hi], or with a fraction where `frac`. */
function slices(n: number, lo: number, hi: number, seed: number, frac = false): Float32Array[] {
  let s = seed;
  const rand = () => (s = (s * 1103515245 + 12345) >>> 0) / 4294967296;
  return Array.from({ length: n }, () =>
    Float32Array.from({ length: 4 }, () => {
      const v = lo + Math.floor(rand() * (hi - lo + 1));
      return frac ? v + 0.25 : v;
    }),
  );
}

const concat = (parts: Float32Array[]) => parts.flatMap((p) => [...p]);

describe('VoxelStack', () => {
  const cases: [string, Float32Array[]][] = [
    ['int16', slices(5, -1024, 3000, 1)],
    ['uint16 after int16', [...slices(2, 0, 100, 2), ...slices(3, 0, 65535, 3)]],
    ['float32 after uint16', [...slices(2, 0, 65535, 4), ...slices(1, -5, 5, 5)]],
    ['float32 after int16 (a fraction)', [...slices(3, -10, 10, 6), ...slices(1, 0, 3, 7, true)]],
    ['float32 after int16 (-0)', [...slices(2, -10, 10, 8), Float32Array.of(1, -0, 2, 3)]],
    [
      'float32 after int16 (out of range)',
      [...slices(2, -10, 10, 9), Float32Array.of(1e6, 0, 0, 0)],
    ],
  ];
  for (const [name, parts] of cases)
    it(`keeps every value and the type voxelKindOf gives: ${name}`, () => {
      const stack = new VoxelStack(4, parts.length);
      parts.forEach((p, z) => stack.put(z, p));
      const kind = voxelKindOf(parts.map((values) => ({ values, samplesPerPixel: 1 as const })));
      expect(stack.type).toBe(kind);
      const values = stack.values();
      expect(values.length).toBe(4 * parts.length);
      expect(Object.is(values[4 * (parts.length - 1) + 1], -0)).toBe(name.endsWith('(-0)'));
      expect([...values]).toEqual(concat(parts));
    });

  it('is float32 from a colour slice on', () => {
    const stack = new VoxelStack(4, 2);
    stack.put(0, Float32Array.of(1, 2, 3, 4));
    stack.put(1, Float32Array.of(1, 2, 3, 4), true);
    expect(stack.values()).toBeInstanceOf(Float32Array);
  });

  it('grows past the slices expected and trims to those written', () => {
    const parts = slices(5, -3, 3, 10);
    const stack = new VoxelStack(4, 2);
    parts.forEach((p, z) => stack.put(z, p));
    expect([...stack.values()]).toEqual(concat(parts));
  });

  it('keeps the values in a SharedArrayBuffer where asked, through promotion and trimming', () => {
    const stack = new VoxelStack(4, 4, true);
    stack.put(0, Float32Array.of(1, 2, 3, 4));
    stack.put(1, Float32Array.of(1, 2.5, 3, 4));
    const values = stack.values();
    expect(values).toBeInstanceOf(Float32Array);
    expect(values.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect([...values]).toEqual([1, 2, 3, 4, 1, 2.5, 3, 4]);
    expect(values.buffer.byteLength).toBe(values.byteLength);
  });

  it('reorders slices in place, over cycles of every length', () => {
    const parts = slices(7, -100, 100, 11);
    const stack = new VoxelStack(4, 7);
    parts.forEach((p, z) => stack.put(z, p));
    const from = [3, 0, 1, 2, 5, 4, 6]; // a 4-cycle, a swap and a fixed slice
    stack.reorder(from);
    expect([...stack.values()]).toEqual(concat(from.map((k) => parts[k])));
  });
});
