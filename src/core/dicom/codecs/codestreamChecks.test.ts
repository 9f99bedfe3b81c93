// The marker checks that run before CharLS and OpenJPEG/OpenJPH, on codestreams their own
// encoders wrote: intact ones pass (and decode to their pixels), damaged ones are refused with
// a reason that names the fault, before any decoder runs.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { decodeFrame } from '../decode.ts';
import { encodeJpeg2000, encodeJpegLs } from '../testing/encodeFrames.ts';
import { encapsulatedInstance } from '../testing/encapsulatedInstance.ts';
import type { CodecImageInfo } from './codecFrame.ts';
import { checkJ2kCodestream } from './j2kCodestream.ts';
import { checkJpegLsCodestream } from './jpegLsCodestream.ts';

const JPEG_LS = '1.2.840.10008.1.2.4.80';
const HTJ2K = '1.2.840.10008.1.2.4.201';

const width = 64;
const height = 48;
const pixels = new Uint16Array(width * height).map((_, i) => (i * 37) % 4096);
const info: CodecImageInfo = {
  rows: height,
  columns: width,
  samplesPerPixel: 1,
  bitsAllocated: 16,
  pixelRepresentation: 0,
  photometricInterpretation: 'MONOCHROME2',
};

async function decodeAs(syntax: string, frame: Uint8Array) {
  const { bytes, meta } = encapsulatedInstance(syntax, frame, height, width);
  return decodeFrame(bytes, meta, 0);
}

const splice = (b: Uint8Array, at: number, remove: number, ...insert: number[]) =>
  Uint8Array.from([...b.subarray(0, at), ...insert, ...b.subarray(at + remove)]);

const indexOf = (b: Uint8Array, ...seq: number[]) =>
  b.findIndex((_, i) => seq.every((v, k) => b[i + k] === v));

describe('JPEG-LS marker checks', () => {
  it('pass an intact codestream, which decodes to its pixels', async () => {
    const jls = await encodeJpegLs(pixels, width, height);
    expect(() => checkJpegLsCodestream(jls, info)).not.toThrow();
    expect(Array.from((await decodeAs(JPEG_LS, jls)).values)).toEqual(Array.from(pixels));
  });

  it('refuse damaged scan data that runs to the end with no EOI (CharLS spins on it)', async () => {
    const jls = await encodeJpegLs(pixels, width, height);
    // The fuzz finding's shape: two bytes inserted in the scan and EOI overwritten.
    const sos = indexOf(jls, 0xff, 0xda);
    const damaged = splice(
      splice(jls, jls.length - 2, 2, 0xff, 0x00, 0x00),
      sos + 40,
      0,
      0x8f,
      0x2f,
    );
    await expect(decodeAs(JPEG_LS, damaged)).rejects.toMatchObject({
      code: 'decode-failed',
      reason: expect.stringMatching(/scan data from byte \d+ runs to the end of the frame/),
    });
  });

  it('refuse a frame cut short after its scan, and one whose SOF55 disagrees with the header', async () => {
    const jls = await encodeJpegLs(pixels, width, height);
    expect(() => checkJpegLsCodestream(jls.subarray(0, jls.length - 2), info)).toThrow(
      /runs to the end of the frame/,
    );
    expect(() => checkJpegLsCodestream(jls, { ...info, samplesPerPixel: 3 })).toThrow(
      /holds 64 × 48 pixels of 1 components, but the header says 64 × 48 × 3/,
    );
  });

  it('refuse scan data longer than the samples it codes can take', async () => {
    const jls = await encodeJpegLs(pixels, width, height);
    const sos = indexOf(jls, 0xff, 0xda);
    const padded = splice(jls, sos + 20, 0, ...new Array<number>(40_000).fill(0x11));
    expect(() => checkJpegLsCodestream(padded, info)).toThrow(/holds \d+ bytes of data/);
  });

  it('refuse a second scan of the same component and a segment length past the end', async () => {
    const jls = await encodeJpegLs(pixels, width, height);
    const eoi = jls.length - 2;
    const sos = indexOf(jls, 0xff, 0xda);
    const twice = Uint8Array.from([...jls.subarray(0, eoi), ...jls.subarray(sos)]);
    expect(() => checkJpegLsCodestream(twice, info)).toThrow(/coded by two scans/);
    const long = Uint8Array.from(jls);
    long[sos + 2] = 0x7f;
    expect(() => checkJpegLsCodestream(long, info)).toThrow(/bytes long/);
  });
});

describe('JPEG 2000 / HTJ2K marker checks', () => {
  it('pass an intact OpenJPEG codestream', async () => {
    const j2k = await encodeJpeg2000(pixels, width, height);
    expect(() => checkJ2kCodestream(j2k)).not.toThrow();
  });

  it('refuse a sub-sampled component before OpenJPH (which loops on it) and still decode the intact frame', async () => {
    const htj2k = await encodeHtj2k();
    expect(Array.from((await decodeAs(HTJ2K, htj2k)).values)).toEqual(Array.from(pixels));
    const yrsiz = 2 + 40 + 2; // SOC, then SIZ's fields up to Ssiz XRsiz YRsiz
    const subsampled = Uint8Array.from(htj2k);
    subsampled[yrsiz] = 2;
    const started = performance.now();
    await expect(decodeAs(HTJ2K, subsampled)).rejects.toMatchObject({
      code: 'decode-failed',
      reason: expect.stringContaining('sub-samples component 0 by 1 × 2 (XRsiz × YRsiz)'),
    });
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('refuse bytes after SIZ that are not a marker segment', async () => {
    const j2k = await encodeJpeg2000(pixels, width, height);
    const sizEnd = 4 + ((j2k[4] << 8) | j2k[5]);
    const garbage = splice(j2k, sizEnd, 0, 0x18, 0x79, 0xda, 0x3b);
    expect(() => checkJ2kCodestream(garbage)).toThrow(
      /the bytes at \d+ in the main header are not a marker segment \(they read 18 79\)/,
    );
  });

  it('refuse a tile-part whose length points past the codestream, and a missing COD', async () => {
    const j2k = await encodeJpeg2000(pixels, width, height);
    const sot = indexOf(j2k, 0xff, 0x90, 0x00, 0x0a);
    const long = Uint8Array.from(j2k);
    new DataView(long.buffer).setUint32(sot + 6, j2k.length);
    expect(() => checkJ2kCodestream(long)).toThrow(
      /tile-part 1 at byte \d+ says it is \d+ bytes long/,
    );
    const cod = indexOf(j2k, 0xff, 0x52);
    const noCod = splice(j2k, cod, 2 + ((j2k[cod + 2] << 8) | j2k[cod + 3]));
    expect(() => checkJ2kCodestream(noCod)).toThrow(/lacks a COD or a QCD/);
  });
});

// OpenJPH's encoder (the package's full build), for an HTJ2K frame of the same pixels.
async function encodeHtj2k(): Promise<Uint8Array> {
  const require = createRequire(import.meta.url);
  const factory = require('@cornerstonejs/codec-openjph/wasmjs') as (
    o: object,
  ) => Promise<{ HTJ2KEncoder: new () => EmbindEncoder }>;
  const { HTJ2KEncoder } = await factory({ print: () => {}, printErr: () => {} });
  const encoder = new HTJ2KEncoder();
  try {
    const frameInfo = {
      width,
      height,
      bitsPerSample: 16,
      componentCount: 1,
      isSigned: false,
      isUsingColorTransform: false,
    };
    encoder
      .getDecodedBuffer(frameInfo)
      .set(new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength));
    encoder.encode();
    return encoder.getEncodedBuffer().slice();
  } finally {
    encoder.delete();
  }
}
