// The CLI's codec thread over real worker_threads and the real WASM codecs: frames decode there
// to the same pixels, and the fuzz finding that keeps OpenJPH looping (sent straight to the
// thread, past the marker checks that refuse it) is stopped at the budget with 'decode-timeout',
// after which the next frame decodes on a fresh thread.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeFrame } from '../../core/dicom/decode.ts';
import { encapsulatedFrameBytes } from '../../core/dicom/encapsulatedLayout.ts';
import { parseInstance } from '../../core/dicom/parse.ts';
import { encodeJpegLs } from '../../core/dicom/testing/encodeFrames.ts';
import {
  encapsulatedPixelData,
  imageHeader,
  writeDicom,
} from '../../core/dicom/testing/writeDicom.ts';
import { codecRunner } from '../../core/dicom/codecs/codecRunner.ts';
import { CodecThread, installCodecThread } from './codecThread.ts';

const width = 64;
const height = 48;
const pixels = new Uint16Array(width * height).map((_, i) => (i * 37) % 4096);
const info = {
  rows: height,
  columns: width,
  samplesPerPixel: 1,
  bitsAllocated: 16,
  pixelRepresentation: 0,
  photometricInterpretation: 'MONOCHROME2',
};

/** The HTJ2K frame of the fuzz finding (SIZ with YRsiz 121, on which OpenJPH loops). */
function hangingFrame(): Uint8Array {
  const file = join(
    import.meta.dirname,
    '../../../tools/fuzz/regressions/dicom/htj2k-garbage-after-siz-hangs-openjph.dcm',
  );
  const bytes = new Uint8Array(readFileSync(file));
  const parsed = parseInstance(bytes, 'hang.dcm');
  if (!parsed.ok || parsed.meta.pixelLayout?.pixels.kind !== 'encapsulated')
    throw new Error('the regression file no longer parses');
  return encapsulatedFrameBytes(bytes, parsed.meta.pixelLayout.pixels.frames[0]);
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('the CLI codec thread', () => {
  it(
    'decodes a JPEG-LS file through decodeFrame to the same pixels',
    { timeout: 30_000 },
    async () => {
      close = installCodecThread(30_000);
      const jls = await encodeJpegLs(pixels, width, height);
      const bytes = writeDicom(imageHeader(height, width, 16, false), '1.2.840.10008.1.2.4.80', [
        encapsulatedPixelData([jls]),
      ]);
      const parsed = parseInstance(bytes, 'frame.dcm');
      if (!parsed.ok) throw new Error(parsed.error.reason);
      const frame = await decodeFrame(bytes, parsed.meta, 0);
      expect(Array.from(frame.values)).toEqual(Array.from(pixels));
    },
  );

  it('stops a codec past its budget with decode-timeout, then decodes on a fresh thread', async () => {
    const thread = new CodecThread(1500);
    close = () => thread.close();
    const started = performance.now();
    const hang = { ...info, rows: 16, columns: 16 };
    await expect(thread.run('htj2k', hangingFrame(), hang)).rejects.toMatchObject({
      code: 'decode-timeout',
      reason: expect.stringContaining('decoding the HTJ2K frame took longer than 1.5 s'),
    });
    expect(performance.now() - started).toBeLessThan(15_000);
    const jls = await encodeJpegLs(pixels, width, height);
    const decoded = await thread.run('jpeg-ls', jls, info);
    expect(Array.from(decoded.samples)).toEqual(Array.from(pixels));
  }, 30_000);

  it('is shared by overlapping commands and closed by the last one', async () => {
    const first = installCodecThread(30_000);
    const second = installCodecThread(30_000);
    const runner = codecRunner();
    await first();
    expect(codecRunner()).toBe(runner);
    const jls = await encodeJpegLs(pixels, width, height);
    expect(Array.from((await runner!('jpeg-ls', jls, info)).samples)).toEqual(Array.from(pixels));
    await second();
    expect(codecRunner()).toBeUndefined();
  }, 30_000);
});
