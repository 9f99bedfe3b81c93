import { unzlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { encodeGreyPng } from './pngWrite.ts';

describe('PNG writer', () => {
  it('writes a valid signature, IHDR and IDAT whose rows inflate back to the pixels', () => {
    const pixels = Uint8Array.from([0, 255, 10, 20, 30, 40]);
    const png = encodeGreyPng(pixels, 3, 2);
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const view = new DataView(png.buffer, png.byteOffset);
    expect(String.fromCharCode(...png.subarray(12, 16))).toBe('IHDR');
    expect(view.getUint32(16)).toBe(3);
    expect(view.getUint32(20)).toBe(2);
    // IHDR's CRC of "IHDR" + data, as zlib's crc32 gives for these 17 bytes.
    expect(view.getUint32(29)).toBe(0xb81f39c6);
    const idatLength = view.getUint32(33);
    expect(String.fromCharCode(...png.subarray(37, 41))).toBe('IDAT');
    const raw = unzlibSync(png.subarray(41, 41 + idatLength));
    expect([...raw]).toEqual([0, 0, 255, 10, 0, 20, 30, 40]);
    expect(String.fromCharCode(...png.subarray(png.length - 8, png.length - 4))).toBe('IEND');
  });
});
