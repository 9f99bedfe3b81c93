// Compressed frames are decoded by their own markers: a codestream of another codec than the
// transfer syntax names is decoded by that codec with a note saying so, and one whose size
// differs from the header's is refused before any decoder allocates its pixels.
import { describe, expect, it } from 'vitest';
import { decodeFrame } from '../decode.ts';
import { encodeJpeg2000, encodeJpegLs } from '../testing/encodeFrames.ts';
import { encapsulatedInstance } from '../testing/encapsulatedInstance.ts';

const JPEG_LS = '1.2.840.10008.1.2.4.80';
const JPEG_2000 = '1.2.840.10008.1.2.4.90';
const JPEG_BASELINE = '1.2.840.10008.1.2.4.50';
const RLE = '1.2.840.10008.1.2.5';

const width = 64;
const height = 48;
const pixels = new Uint16Array(width * height).map((_, i) => (i * 37) % 4096);

async function decodeAs(syntax: string, frame: Uint8Array, rows = height, columns = width) {
  const { bytes, meta } = encapsulatedInstance(syntax, frame, rows, columns);
  return decodeFrame(bytes, meta, 0);
}

describe('codestreams that do not match their transfer syntax', () => {
  it('decodes JPEG-LS labelled JPEG 2000 by its own markers, with a note', async () => {
    const jls = await encodeJpegLs(pixels, width, height);
    const honest = await decodeAs(JPEG_LS, jls);
    const mislabelled = await decodeAs(JPEG_2000, jls);
    expect(honest.note).toBeUndefined();
    expect(mislabelled.note).toBe('codestream is JPEG-LS, transfer syntax says JPEG 2000');
    expect(Array.from(mislabelled.values)).toEqual(Array.from(pixels));
    expect(Array.from(honest.values)).toEqual(Array.from(pixels));
  });

  it('decodes JPEG 2000 labelled JPEG-LS by its own markers, with a note', async () => {
    const j2k = await encodeJpeg2000(pixels, width, height);
    const frame = await decodeAs(JPEG_LS, j2k);
    expect(frame.note).toBe('codestream is JPEG 2000, transfer syntax says JPEG-LS');
    expect(Array.from(frame.values)).toEqual(Array.from(pixels));
  });

  it('refuses a frame no codec recognises', async () => {
    const noise = new Uint8Array(200).map((_, i) => (i * 91 + 7) & 0xff);
    await expect(decodeAs(JPEG_2000, noise)).rejects.toMatchObject({
      code: 'codestream-mismatch',
      reason: expect.stringContaining('is not a JPEG 2000 codestream'),
    });
  });
});

describe('codestream sizes against the header', () => {
  it('refuses a JPEG 2000 codestream of another size than the header says', async () => {
    const j2k = await encodeJpeg2000(pixels, width, height);
    await expect(decodeAs(JPEG_2000, j2k, 96, 128)).rejects.toMatchObject({
      code: 'codestream-mismatch',
      reason: 'the JPEG 2000 codestream holds 64 × 48 pixels, but the header says 128 × 96',
    });
  });

  it('refuses a JPEG frame header of 65535 × 65535 before decoding it', async () => {
    // SOI, then SOF0: precision 8, 65535 lines of 65535 samples, one component.
    const sof = [0xff, 0xd8, 0xff, 0xc0, 0, 11, 8, 0xff, 0xff, 0xff, 0xff, 1, 1, 0x11, 0];
    const started = performance.now();
    await expect(decodeAs(JPEG_BASELINE, new Uint8Array(sof), 64, 64)).rejects.toMatchObject({
      code: 'codestream-mismatch',
      reason: 'the JPEG (DCT) codestream holds 65535 × 65535 pixels, but the header says 64 × 64',
    });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('refuses RLE segments that cannot hold the image, before allocating it', async () => {
    const rle = new Uint8Array(80);
    const view = new DataView(rle.buffer);
    view.setUint32(0, 2, true); // two segments: 16-bit grey
    view.setUint32(4, 64, true);
    view.setUint32(8, 72, true);
    const started = performance.now();
    await expect(decodeAs(RLE, rle, 16384, 16384)).rejects.toMatchObject({
      code: 'decode-failed',
      reason: expect.stringContaining('RLE segment 1 is 8 bytes, too short for 268435456 pixels'),
    });
    expect(performance.now() - started).toBeLessThan(500);
    view.setUint32(8, 4000, true);
    await expect(decodeAs(RLE, rle, 2, 2)).rejects.toMatchObject({
      reason: expect.stringContaining('RLE segment 1 lies outside the frame'),
    });
  });
});
