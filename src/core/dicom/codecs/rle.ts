import type { CodecFrame, CodecImageInfo } from './codecFrame.ts';

/**
 * RLE Lossless (PS3.5 Annex G): a 64-byte header of up to 15 segment offsets, one PackBits
 * segment per byte plane, most significant byte first, sample by sample. Output is interleaved.
 */
export async function decodeRle(frame: Uint8Array, info: CodecImageInfo): Promise<CodecFrame> {
  if (frame.length < 64)
    throw new Error(`RLE frame is ${frame.length} bytes, shorter than its header`);
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const segments = view.getUint32(0, true);
  const bytesPerSample = info.bitsAllocated / 8;
  const expected = info.samplesPerPixel * bytesPerSample;
  if (segments !== expected) {
    throw new Error(`RLE frame has ${segments} segments where ${expected} are needed`);
  }
  const pixels = info.rows * info.columns;
  const bounds = segmentBounds(view, segments, frame.length, pixels);
  const stride = info.samplesPerPixel * bytesPerSample;
  const out = new Uint8Array(pixels * stride);
  for (let s = 0; s < segments; s++) {
    const sample = Math.floor(s / bytesPerSample);
    // Segment order is MSB first; the output is little endian, so the byte lands reversed.
    const byteInSample = bytesPerSample - 1 - (s % bytesPerSample);
    const [start, end] = bounds[s];
    unpackSegment(frame, start, end, out, sample * bytesPerSample + byteInSample, stride, pixels);
  }
  return { samples: typedSamples(out, info), rgb: false };
}

// A PackBits run of two bytes repeats a byte at most 128 times.
const maxExpansion = 64;

/**
 * Each segment's [start, end) from the header, checked before the image is allocated: inside
 * the frame, in order, and long enough to hold a byte plane of `pixels` bytes.
 */
function segmentBounds(
  view: DataView,
  segments: number,
  length: number,
  pixels: number,
): [number, number][] {
  const out: [number, number][] = [];
  for (let s = 0; s < segments; s++) {
    const start = view.getUint32(4 + s * 4, true);
    const end = s + 1 < segments ? view.getUint32(8 + s * 4, true) : length;
    if (start < 64 || end < start || end > length)
      throw new Error(
        `RLE segment ${s + 1} lies outside the frame (bytes ${start} to ${end} of ${length})`,
      );
    if ((end - start) * maxExpansion < pixels)
      throw new Error(
        `RLE segment ${s + 1} is ${end - start} bytes, too short for ${pixels} pixels`,
      );
    out.push([start, end]);
  }
  return out;
}

/** PackBits: n in 0..127 copies n+1 literal bytes; n in -127..-1 repeats the next byte 1-n times. */
function unpackSegment(
  src: Uint8Array,
  start: number,
  end: number,
  out: Uint8Array,
  first: number,
  stride: number,
  count: number,
): void {
  let pos = start;
  let written = 0;
  let target = first;
  while (pos < end && written < count) {
    const n = (src[pos++] << 24) >> 24;
    if (n >= 0) {
      for (let i = 0; i <= n && written < count; i++, written++, target += stride)
        out[target] = src[pos + i];
      pos += n + 1;
    } else if (n !== -128) {
      const value = src[pos++];
      for (let i = 0; i < 1 - n && written < count; i++, written++, target += stride)
        out[target] = value;
    }
  }
  if (written < count) throw new Error('RLE segment ends before the image does');
}

function typedSamples(bytes: Uint8Array, info: CodecImageInfo): CodecFrame['samples'] {
  const signed = info.pixelRepresentation === 1;
  switch (info.bitsAllocated) {
    case 8:
      return signed ? new Int8Array(bytes.buffer) : bytes;
    case 16:
      return signed ? new Int16Array(bytes.buffer) : new Uint16Array(bytes.buffer);
    case 32:
      return signed ? new Int32Array(bytes.buffer) : new Uint32Array(bytes.buffer);
    default:
      throw new Error(`RLE with ${info.bitsAllocated} bits allocated is not supported`);
  }
}
