import { describe, expect, it } from 'vitest';
import { parseNpy } from './npy.ts';

/** A v1.0 .npy file as NumPy writes it: magic, version, padded header dict, raw data. */
function npy(descr: string, shape: string, body: Uint8Array): Uint8Array {
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shape}, }`;
  while ((10 + header.length + 1) % 64 !== 0) header += ' ';
  header += '\n';
  const out = new Uint8Array(10 + header.length + body.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length & 255, header.length >> 8]);
  out.set(new TextEncoder().encode(header), 10);
  out.set(body, 10 + header.length);
  return out;
}

describe('parseNpy', () => {
  it('reads a uint8 image stack with its shape', () => {
    const a = parseNpy(
      npy('|u1', '(2, 2, 3)', Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 255])),
    );
    expect(a.shape).toEqual([2, 2, 3]);
    expect(a.dtype).toBe('uint8');
    expect(a.data[11]).toBe(255);
  });

  it('reads (N,1) labels and float32 data', () => {
    expect(parseNpy(npy('|u1', '(3, 1)', Uint8Array.from([0, 1, 1]))).shape).toEqual([3, 1]);
    const f = parseNpy(npy('<f4', '(2,)', new Uint8Array(Float32Array.from([1.5, -2]).buffer)));
    expect(Array.from(f.data as Float32Array)).toEqual([1.5, -2]);
  });

  it('refuses bytes that are not a .npy array', () => {
    expect(() => parseNpy(new Uint8Array(16))).toThrow('not a .npy array');
  });
});
