// Headers that ask for more than a file holds or than the limits allow end in one error with a
// code, before anything is allocated from them.
import { describe, expect, it } from 'vitest';
import { decodeFrame } from './decode.ts';
import { parseInstance } from './parse.ts';
import {
  encapsulatedPixelData,
  imageHeader,
  writeDicom,
  type TestElement,
} from './testing/writeDicom.ts';

const JPEG_2000 = '1.2.840.10008.1.2.4.90';

function header(rows: number, columns: number, extra: TestElement[] = []): TestElement[] {
  const base = imageHeader(rows, columns, 16, false).filter(
    (e) => !extra.some((x) => x.tag[0] === e.tag[0] && x.tag[1] === e.tag[1]),
  );
  return [...base, ...extra];
}

const tinyPixels: TestElement = { tag: [0x7fe0, 0x0010], vr: 'OW', value: [1, 2, 3, 4] };

/** Parses within a time bound: a refused size must cost nothing like the size it names. */
function timedParse(bytes: Uint8Array, limits?: Parameters<typeof parseInstance>[2]) {
  const started = performance.now();
  const result = parseInstance(bytes, 'hostile.dcm', limits);
  expect(performance.now() - started).toBeLessThan(500);
  return result;
}

describe('image size limits', () => {
  it('refuses 65535 × 65535 pixels before reading them, naming the limit', () => {
    const result = timedParse(writeDicom([...header(65535, 65535), tinyPixels]));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'limit-exceeded', params: { limit: 'maxRows', value: 65535, max: 16384 } },
    });
    if (!result.ok) expect(result.error.reason).toContain('rows of 65535');
  });

  it('with the limits raised, still refuses a size the pixel data cannot hold', () => {
    const limits = { maxRows: 65535, maxColumns: 65535, maxDecodedBytesPerFrame: 2 ** 40 };
    const result = timedParse(writeDicom([...header(65535, 65535), tinyPixels]), { limits });
    expect(result).toMatchObject({ ok: false, error: { code: 'truncated' } });
    if (!result.ok)
      expect(result.error.reason).toContain('8 bytes where the image needs 8589672450');
  });

  it('refuses 2^31 − 1 frames, and too many decoded bytes when the frame limit is raised', () => {
    const frames: TestElement = { tag: [0x0028, 0x0008], vr: 'IS', value: '2147483647' };
    const bytes = writeDicom([...header(64, 64, [frames]), tinyPixels]);
    expect(timedParse(bytes)).toMatchObject({
      ok: false,
      error: { code: 'limit-exceeded', params: { limit: 'maxFrames' } },
    });
    expect(timedParse(bytes, { limits: { maxFrames: 2 ** 31 } })).toMatchObject({
      ok: false,
      error: { code: 'limit-exceeded', params: { limit: 'maxDecodedBytesPerFile' } },
    });
  });

  it('refuses encapsulated pixel data with fewer fragments than frames', () => {
    const frames: TestElement = { tag: [0x0028, 0x0008], vr: 'IS', value: '40000' };
    const fragment = new Uint8Array([0xff, 0x4f, 0xff, 0x51]);
    const bytes = writeDicom([...header(64, 64, [frames])], JPEG_2000, [
      encapsulatedPixelData([fragment]),
    ]);
    const result = timedParse(bytes);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-header' } });
    if (!result.ok) expect(result.error.reason).toContain('40000, but the pixel data holds only 1');
  });

  it('lets a caller lower a limit', () => {
    const bytes = writeDicom([...header(2, 2), tinyPixels]);
    expect(timedParse(bytes).ok).toBe(true);
    expect(timedParse(bytes, { limits: { maxDecodedBytesPerFrame: 8 } })).toMatchObject({
      ok: false,
      error: { code: 'limit-exceeded', params: { limit: 'maxDecodedBytesPerFrame', value: 16 } },
    });
  });

  it('says Samples per Pixel 0 is a damaged header and 4 is past the limit', () => {
    const spp = (n: number): TestElement => ({ tag: [0x0028, 0x0002], vr: 'US', value: [n] });
    expect(timedParse(writeDicom([...header(2, 2, [spp(0)]), tinyPixels]))).toMatchObject({
      ok: false,
      error: { code: 'invalid-header' },
    });
    expect(timedParse(writeDicom([...header(2, 2, [spp(4)]), tinyPixels]))).toMatchObject({
      ok: false,
      error: { code: 'limit-exceeded', params: { limit: 'maxSamplesPerPixel' } },
    });
  });

  it('refuses at decode too, when a meta comes from elsewhere', async () => {
    const bytes = writeDicom([...header(2, 2), tinyPixels]);
    const parsed = parseInstance(bytes, 'a.dcm');
    if (!parsed.ok) throw new Error(parsed.error.reason);
    const forged = { ...parsed.meta, rows: 60000, columns: 60000 };
    await expect(decodeFrame(bytes, forged, 0)).rejects.toMatchObject({ code: 'limit-exceeded' });
  });

  it('reads a value that runs past the end of the file as a truncated file, not a crash', () => {
    const bytes = writeDicom([...header(2, 2), tinyPixels]);
    // Cut two bytes into the value of SOP Instance UID (0008,0018).
    const at = bytes.findIndex((_, i) => bytes[i] === 0x08 && bytes[i + 2] === 0x18 && i > 132);
    const result = timedParse(bytes.subarray(0, at + 10));
    expect(result).toMatchObject({ ok: false, error: { code: 'truncated' } });
    if (!result.ok) expect(result.error.reason).toMatch(/^the file is truncated/);
  });
});

describe('modality values that are not finite', () => {
  const rescale = (slope: string, intercept = '0'): TestElement[] => [
    { tag: [0x0028, 0x1052], vr: 'DS', value: intercept },
    { tag: [0x0028, 0x1053], vr: 'DS', value: slope },
  ];

  it.each([
    ['Infinity', '0', 'Rescale Slope (0028,1053) is Infinity'],
    ['NaN', '0', 'Rescale Slope (0028,1053) is NaN'],
    ['1', '-1e999', 'Rescale Intercept (0028,1052) is -Infinity'],
  ])('refuses slope %s, intercept %s', (slope, intercept, words) => {
    const result = timedParse(writeDicom([...header(2, 2, rescale(slope, intercept)), tinyPixels]));
    expect(result).toMatchObject({ ok: false, error: { code: 'non-finite-values' } });
    if (!result.ok) expect(result.error.reason).toContain(words);
  });

  it('refuses values that overflow to infinity when rescaled', async () => {
    const bytes = writeDicom([...header(2, 2, rescale('1e38')), tinyPixels]);
    const parsed = parseInstance(bytes, 'overflow.dcm');
    if (!parsed.ok) throw new Error(parsed.error.reason);
    await expect(decodeFrame(bytes, parsed.meta, 0)).rejects.toMatchObject({
      code: 'non-finite-values',
      file: 'overflow.dcm',
    });
  });
});
