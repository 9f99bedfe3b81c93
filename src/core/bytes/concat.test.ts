// concatBytes and concatChunks: byte for byte the pieces in order, in an array of its own (never
// a view of a piece), on the memory the caller allocates.
import { describe, expect, it } from 'vitest';
import { concatBytes, concatChunks, type ChunkSource } from './concat.ts';

/** Views into one buffer at odd offsets (as a multipart part's slices are), and an empty one. */
function pieces(): { whole: Uint8Array; parts: Uint8Array[] } {
  const whole = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) & 0xff);
  const parts = [whole.subarray(0, 3), whole.subarray(3, 3), whole.subarray(3, 601)];
  return { whole: whole.subarray(0, 601), parts: [...parts, whole.subarray(601, 1000)] };
}

describe('concatBytes', () => {
  it('joins views at odd offsets byte for byte into a new array', () => {
    const { parts } = pieces();
    const out = concatBytes(parts);
    expect(out.length).toBe(1000);
    expect(out).toEqual(Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) & 0xff));
    expect(out.byteOffset).toBe(0);
    expect(out.buffer.byteLength).toBe(1000);
    expect(out.buffer).not.toBe(parts[0].buffer);
  });

  it('copies a single piece and gives an empty array for none', () => {
    const one = Uint8Array.of(1, 2, 3);
    const copy = concatBytes([one]);
    one[0] = 9;
    expect([...copy]).toEqual([1, 2, 3]);
    expect(concatBytes([]).length).toBe(0);
  });

  it('lays the bytes on the memory the caller allocates for their total size', () => {
    const sizes: number[] = [];
    const out = concatBytes(pieces().parts, (size) => {
      sizes.push(size);
      return new SharedArrayBuffer(size);
    });
    expect(sizes).toEqual([1000]);
    expect(out.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(out[999]).toBe((999 * 7) & 0xff);
  });
});

describe('concatChunks', () => {
  const reader = (chunks: Uint8Array[]): ChunkSource => ({
    read: async () => {
      const value = chunks.shift();
      return value ? { done: false, value } : { done: true };
    },
  });

  it("reads every chunk until the source is done, into one array of the body's length", async () => {
    const { whole, parts } = pieces();
    const out = await concatChunks(reader(parts.slice(0, 3)));
    expect(out).toEqual(whole);
    expect(out.buffer.byteLength).toBe(601);
  });

  it('gives an empty array for a body without chunks', async () => {
    expect((await concatChunks(reader([]))).length).toBe(0);
  });
});
