import { describe, expect, it } from 'vitest';
import { hasPixelData } from './part10Meta.ts';

/** A header's worth of bytes with the Pixel Data tag (7FE0,0010) at `at`, or none. */
function bytesWithTag(at: number | undefined, size = 64): Uint8Array {
  const out = new Uint8Array(size).fill(0xe0); // near misses everywhere
  if (at !== undefined) out.set([0xe0, 0x7f, 0x10, 0x00], at);
  return out;
}

function cut(bytes: Uint8Array, at: number): Uint8Array[] {
  return [bytes.slice(0, at), bytes.slice(at)];
}

describe('hasPixelData', () => {
  it('finds the tag in one array or in the pieces of a streamed part, across any seam', () => {
    const bytes = bytesWithTag(30);
    expect(hasPixelData(bytes)).toBe(true);
    for (let seam = 1; seam < bytes.length; seam++)
      expect(hasPixelData(cut(bytes, seam)), `seam at ${seam}`).toBe(true);
  });

  it('is false where the tag is absent, however the bytes are cut', () => {
    const bytes = bytesWithTag(undefined);
    expect(hasPixelData(bytes)).toBe(false);
    for (let seam = 1; seam < bytes.length; seam++)
      expect(hasPixelData(cut(bytes, seam))).toBe(false);
    expect(hasPixelData([])).toBe(false);
  });
});
