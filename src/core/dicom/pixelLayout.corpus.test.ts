// Decoding from the pixel layout recorded at ingest must give exactly what decoding after
// reading the header again gives, for every file of the shared corpus, without reading it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFrame } from './decode.ts';
import { asLoadError } from './loadError.ts';
import { headerParseCount, parseInstance } from './parse.ts';
import type { DecodedFrame, InstanceMeta } from './types.ts';

const corpus = join(process.cwd(), '../shared/data/dicom');
const files = readFileSync(join(corpus, 'REFERENCE.tsv'), 'utf8')
  .trimEnd()
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t')[0]);

/** Index of the first value that differs (NaN equals NaN), or -1; toEqual is slow on megapixels. */
function firstDifference(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return 0;
  for (let i = 0; i < a.length; i++)
    if (a[i] !== b[i] && !(a[i] !== a[i] && b[i] !== b[i])) return i;
  return -1;
}

async function attempt(
  bytes: Uint8Array,
  meta: InstanceMeta,
  frame: number,
  shared = false,
): Promise<DecodedFrame | string> {
  try {
    return await decodeFrame(bytes, meta, frame, { shared });
  } catch (e) {
    const error = asLoadError(e, meta.file);
    return `${error.code}: ${error.reason}`;
  }
}

describe('decoding from the recorded pixel layout', () => {
  for (const file of files) {
    it(`${file}: same values as reading the header again, and no header read`, async () => {
      const bytes = new Uint8Array(readFileSync(join(corpus, file)));
      const parsed = parseInstance(bytes, file);
      if (!parsed.ok) return;
      const { meta } = parsed;
      const deflated = meta.transferSyntaxUID === '1.2.840.10008.1.2.1.99';
      expect(meta.pixelLayout === undefined).toBe(deflated);
      const frames = [...new Set([0, 1, meta.frames - 1])].filter((f) => f < meta.frames);
      for (const f of frames) {
        const before = headerParseCount();
        const fromLayout = await attempt(bytes, meta, f);
        if (!deflated) expect(headerParseCount()).toBe(before);
        // A fresh copy of the bytes and a meta without layout: the header is read again.
        const reread = await attempt(bytes.slice(), { ...meta, pixelLayout: undefined }, f);
        const shared = await attempt(bytes, meta, f, true);
        if (typeof fromLayout === 'string') {
          expect(reread).toBe(fromLayout);
          expect(shared).toBe(fromLayout);
          continue;
        }
        if (typeof reread === 'string' || typeof shared === 'string')
          throw new Error(String(reread));
        expect(firstDifference(fromLayout.values, reread.values)).toBe(-1);
        expect({ ...fromLayout, values: 0 }).toEqual({ ...reread, values: 0 });
        expect(shared.values.buffer).toBeInstanceOf(SharedArrayBuffer);
        expect(firstDifference(shared.values, fromLayout.values)).toBe(-1);
      }
    });
  }
});
