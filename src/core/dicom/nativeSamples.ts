import type { InstanceMeta } from './types.ts';

export type Samples =
  Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array | Float32Array;

/** Typed arrays use the host's byte order; samples in that order are copied in one go. */
const hostLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The stored samples of one native (uncompressed) frame, in the file's sample order.
 * `bytes`/`offset` point at the Pixel Data value; 1-bit frames are unpacked to 0/1 bytes.
 */
export function nativeSamples(
  bytes: Uint8Array,
  offset: number,
  meta: InstanceMeta,
  frameIndex: number,
  frameBits: number,
  littleEndian: boolean,
): Samples {
  const signed = meta.pixelRepresentation === 1;
  if (meta.bitsAllocated === 1) return unpackBits(bytes, offset, frameIndex * frameBits, frameBits);
  const start = offset + (frameIndex * frameBits) / 8;
  const count = frameBits / meta.bitsAllocated;
  const size = meta.bitsAllocated / 8;
  if ((size === 2 || size === 4) && littleEndian === hostLittleEndian) {
    const end = start + count * size;
    // A truncated frame takes the DataView path below, which reports it as before.
    if (end <= bytes.length) {
      const copy = bytes.slice(start, end).buffer;
      if (size === 2) return signed ? new Int16Array(copy) : new Uint16Array(copy);
      return signed ? new Int32Array(copy) : new Uint32Array(copy);
    }
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset + start, (frameBits / 8) | 0);
  switch (meta.bitsAllocated) {
    case 8: {
      const copy = bytes.slice(start, start + count);
      return signed ? new Int8Array(copy.buffer) : copy;
    }
    case 16: {
      const out = signed ? new Int16Array(count) : new Uint16Array(count);
      if (signed) for (let i = 0; i < count; i++) out[i] = view.getInt16(i * 2, littleEndian);
      else for (let i = 0; i < count; i++) out[i] = view.getUint16(i * 2, littleEndian);
      return out;
    }
    case 32: {
      const out = signed ? new Int32Array(count) : new Uint32Array(count);
      if (signed) for (let i = 0; i < count; i++) out[i] = view.getInt32(i * 4, littleEndian);
      else for (let i = 0; i < count; i++) out[i] = view.getUint32(i * 4, littleEndian);
      return out;
    }
    default:
      throw new Error(`${meta.bitsAllocated} bits allocated per sample is not supported`);
  }
}

/**
 * The samples of one frame of Float (32-bit) or Double Float (64-bit) Pixel Data, as 32-bit
 * floats: a parametric map's values, which Rescale does not touch. Doubles lose precision past
 * 24 bits of mantissa, as every other frame here decodes to Float32.
 */
export function floatSamples(
  bytes: Uint8Array,
  offset: number,
  frameIndex: number,
  frameBits: number,
  littleEndian: boolean,
  format: 'float32' | 'float64',
): Float32Array {
  const size = format === 'float64' ? 8 : 4;
  const count = frameBits / (size * 8);
  const start = offset + (frameIndex * frameBits) / 8;
  if (start + count * size > bytes.length) throw new Error('attempt to read past end of buffer');
  const view = new DataView(bytes.buffer, bytes.byteOffset + start, count * size);
  const out = new Float32Array(count);
  if (size === 8) for (let i = 0; i < count; i++) out[i] = view.getFloat64(i * 8, littleEndian);
  else for (let i = 0; i < count; i++) out[i] = view.getFloat32(i * 4, littleEndian);
  return out;
}

/** 1-bit pixels are packed little-endian within each byte, frames back to back without padding. */
function unpackBits(
  bytes: Uint8Array,
  offset: number,
  firstBit: number,
  count: number,
): Uint8Array {
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const bit = firstBit + i;
    out[i] = (bytes[offset + (bit >> 3)] >> (bit & 7)) & 1;
  }
  return out;
}
