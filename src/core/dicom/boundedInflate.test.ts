// Deflated data sets inflate only as far as the limit allows and only while they stay a data
// set, so a deflate bomb costs a fraction of a second and a bounded amount of memory.
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeFrame } from './decode.ts';
import { concatBytes, elementBytes } from './demo/explicitLeWriter.ts';
import { parseInstance } from './parse.ts';
import { DeflatedExplicitVRLittleEndian } from './transferSyntax.ts';
import { dataSetBytes, imageHeader, writeDicom } from './testing/writeDicom.ts';

const MiB = 2 ** 20;

function deflated(body: Uint8Array): Uint8Array {
  return writeDicom([], DeflatedExplicitVRLittleEndian, [], deflateSync(body));
}

function timedParse(bytes: Uint8Array, limits?: { maxInflatedBytes: number }) {
  const started = performance.now();
  const result = parseInstance(bytes, 'bomb.dcm', { limits });
  return { result, ms: performance.now() - started };
}

describe('Deflated data sets', () => {
  it('inflates and decodes a small one', async () => {
    const body = dataSetBytes([
      ...imageHeader(2, 2, 16, false),
      { tag: [0x7fe0, 0x0010], vr: 'OW', value: [1, 2, 3, 4] },
    ]);
    const bytes = deflated(body);
    const parsed = parseInstance(bytes, 'small.dcm');
    if (!parsed.ok) throw new Error(parsed.error.reason);
    const frame = await decodeFrame(bytes, parsed.meta, 0);
    expect(Array.from(frame.values)).toEqual([1, 2, 3, 4]);
  });

  it('stops at the limit when a valid header is followed by megabytes of zeros', () => {
    // A real image header, then a Pixel Data element that claims 8 MiB of zeros.
    const header = dataSetBytes(imageHeader(2048, 2048, 16, false));
    const pixels = elementBytes(0x7fe00010, 'OW', new Uint8Array(8 * MiB));
    const bytes = deflated(concatBytes([header, pixels]));
    expect(bytes.length).toBeLessThan(64 * 1024);
    const { result, ms } = timedParse(bytes, { maxInflatedBytes: 2 * MiB });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'inflate-limit',
        params: { limit: 'maxInflatedBytes', max: 2 * MiB },
      },
    });
    expect(ms).toBeLessThan(1000);
    // With the default limit (64 MiB) the same file inflates and is read.
    expect(parseInstance(bytes, 'big.dcm').ok).toBe(true);
  });

  it('stops at once when the inflated bytes are not a data set', () => {
    const bytes = deflated(new Uint8Array(8 * MiB));
    const { result, ms } = timedParse(bytes);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-header' } });
    if (!result.ok) expect(result.error.reason).toContain('Deflated data set is damaged');
    expect(ms).toBeLessThan(500);
  });
});
