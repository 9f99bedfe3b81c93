// Every reproducer in ../shared/data/fuzz-repro/dicom, read as `inspect` and `features` read a
// file (parse, then decode every frame): each ends in one error with a stable code, or, for the
// codestream under the wrong transfer syntax, in the right pixels with a note, within 2 s. The
// same holds with every size limit raised to what a header can state, which shows the checks
// against what the file holds (fragments, codestream sizes, RLE segments) stand on their own.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFrame } from './decode.ts';
import type { DicomLimits } from './limits.ts';
import { parseInstance } from './parse.ts';
import type { DecodedFrame, LoadError, LoadErrorCode } from './types.ts';

const folder = join(process.cwd(), '../shared/data/fuzz-repro/dicom');

type Outcome = LoadErrorCode | 'decoded with a note';

/** What each reproducer must end in: with the default limits, and with sizes unlimited. */
const expected: Record<string, [Outcome, Outcome]> = {
  // Its inflated bytes are zeros, not a data set: refused after the first kilobyte.
  'deflate-bomb-1GiB.dcm': ['invalid-header', 'invalid-header'],
  'deflate-bomb-3GiB.dcm': ['invalid-header', 'invalid-header'],
  'j2k-frames-2147483647.dcm': ['limit-exceeded', 'invalid-header'],
  'j2k-rows-cols-46341.dcm': ['limit-exceeded', 'codestream-mismatch'],
  'j2k-rows-cols-65535.dcm': ['limit-exceeded', 'codestream-mismatch'],
  'jpeg-2frame-rows-cols-65535-features-crash.dcm': ['limit-exceeded', 'codestream-mismatch'],
  'jpeg-ybr-30frame-rows-cols-65535-features-crash.dcm': ['limit-exceeded', 'codestream-mismatch'],
  'jpegls-labelled-j2k-zero-image.dcm': ['decoded with a note', 'decoded with a note'],
  'read-past-end-readFixedString.dcm': ['truncated', 'truncated'],
  'rescale-slope-infinity.dcm': ['non-finite-values', 'non-finite-values'],
  'rle-invalid-typed-array-length.dcm': ['limit-exceeded', 'decode-failed'],
  'samples-per-pixel-0.dcm': ['invalid-header', 'invalid-header'],
  'sequence-bomb-call-stack.dcm': ['limit-exceeded', 'limit-exceeded'],
};

const unlimitedSizes: Partial<DicomLimits> = {
  maxRows: 65535,
  maxColumns: 65535,
  maxFrames: 2 ** 32,
  maxSamplesPerPixel: 65535,
  maxBitsAllocated: 65535,
  maxDecodedBytesPerFrame: 2 ** 52,
  maxDecodedBytesPerFile: 2 ** 52,
};

interface Read {
  errors: LoadError[];
  frames: DecodedFrame[];
}

/** Parse, then every frame until one fails, as the CLI's inspect and features do. */
async function readAll(bytes: Uint8Array, file: string, limits?: Partial<DicomLimits>) {
  const out: Read = { errors: [], frames: [] };
  const parsed = parseInstance(bytes, file, { limits });
  if (!parsed.ok) {
    out.errors.push(parsed.error);
    return out;
  }
  for (let f = 0; f < parsed.meta.frames; f++) {
    try {
      out.frames.push(await decodeFrame(bytes, parsed.meta, f, { limits }));
    } catch (e) {
      out.errors.push(e as LoadError);
      break;
    }
  }
  return out;
}

const files = readdirSync(folder)
  .filter((f) => f.endsWith('.dcm'))
  .sort();

describe('hostile DICOM reproducers', () => {
  it('has an expected outcome for every reproducer', () => {
    expect(files).toEqual(Object.keys(expected).sort());
  });

  for (const file of files) {
    for (const [which, limits] of [
      ['default limits', undefined],
      ['sizes unlimited', unlimitedSizes],
    ] as const) {
      it(`${file} (${which}): ${expected[file][limits ? 1 : 0]}, within 2 s`, async () => {
        const bytes = new Uint8Array(readFileSync(join(folder, file)));
        const started = performance.now();
        const { errors, frames } = await readAll(bytes, file, limits);
        expect(performance.now() - started).toBeLessThan(2000);
        const outcome = expected[file][limits ? 1 : 0];
        if (outcome === 'decoded with a note') {
          expect(errors).toEqual([]);
          expect(frames.every((f) => f.note)).toBe(true);
          return;
        }
        expect(frames).toEqual([]);
        expect(errors).toHaveLength(1);
        expect(errors[0]).toMatchObject({ code: outcome, file });
        expect(errors[0].reason.length).toBeGreaterThan(20);
      });
    }
  }

  it('decodes the JPEG-LS codestream labelled JPEG 2000 to the pixels of its true syntax', async () => {
    const file = 'jpegls-labelled-j2k-zero-image.dcm';
    const bytes = new Uint8Array(readFileSync(join(folder, file)));
    // The same file saying JPEG-LS Lossless (…4.80, as long as JPEG 2000 Lossless …4.90).
    const text = new TextDecoder('latin1').decode(bytes.subarray(0, 400));
    const at = text.indexOf('1.2.840.10008.1.2.4.90');
    expect(at).toBeGreaterThan(128);
    const honest = bytes.slice();
    honest.set(new TextEncoder().encode('1.2.840.10008.1.2.4.80'), at);

    const labelled = await readAll(bytes, file);
    const truth = await readAll(honest, file);
    expect(truth.errors).toEqual([]);
    expect(truth.frames[0].note).toBeUndefined();
    expect(labelled.frames[0].note).toBe('codestream is JPEG-LS, transfer syntax says JPEG 2000');
    expect(labelled.frames[0].values).toEqual(truth.frames[0].values);
    // Not the all-zero image it used to be: a CT slice in Hounsfield units.
    expect([labelled.frames[0].min, labelled.frames[0].max]).toEqual([-3024, 1378]);
  });
});
