// Sequences nested or repeated past the limits are refused before dicom-parser, which reads
// them recursively, sees them.
import { describe, expect, it } from 'vitest';
import { concatBytes, elementBytes } from './demo/explicitLeWriter.ts';
import { parseInstance } from './parse.ts';
import { ImplicitVRLittleEndian } from './transferSyntax.ts';
import { dataSetBytes, imageHeader, itemHeader, writeDicom } from './testing/writeDicom.ts';

const pixels = { tag: [0x7fe0, 0x0010] as [number, number], vr: 'OW', value: [1, 2, 3, 4] };

/** (0040,A730) sequences of undefined length nested `depth` deep, one item each. */
function nested(depth: number, explicit: boolean): Uint8Array {
  const open = explicit
    ? new Uint8Array([0x40, 0, 0x30, 0xa7, 0x53, 0x51, 0, 0, 0xff, 0xff, 0xff, 0xff])
    : new Uint8Array([0x40, 0, 0x30, 0xa7, 0xff, 0xff, 0xff, 0xff]);
  const parts: Uint8Array[] = [];
  for (let i = 0; i < depth; i++) parts.push(open, itemHeader(0xe000, 0xffffffff));
  for (let i = 0; i < depth; i++) parts.push(itemHeader(0xe00d, 0), itemHeader(0xe0dd, 0));
  return concatBytes(parts);
}

/** A file with the image header, then the sequence bytes, then the pixels (tags in order). */
function fileWith(sequence: Uint8Array, explicit = true): Uint8Array {
  const before = dataSetBytes(imageHeader(2, 2, 16, false));
  const after = dataSetBytes([pixels]);
  if (explicit) return writeDicom([], undefined, [], concatBytes([before, sequence, after]));
  // Implicit VR: the same elements without VRs (tag, 32-bit length, value).
  const implicit = (bytes: Uint8Array) => {
    const out: Uint8Array[] = [];
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let p = 0; p < bytes.length;) {
      const long = ['OB', 'OW'].includes(String.fromCharCode(bytes[p + 4], bytes[p + 5]));
      const length = long ? view.getUint32(p + 8, true) : view.getUint16(p + 6, true);
      const start = p + (long ? 12 : 8);
      const head = new Uint8Array(8);
      head.set(bytes.subarray(p, p + 4));
      new DataView(head.buffer).setUint32(4, length, true);
      out.push(head, bytes.subarray(start, start + length));
      p = start + length;
    }
    return concatBytes(out);
  };
  const body = concatBytes([implicit(before), sequence, implicit(after)]);
  return writeDicom([], ImplicitVRLittleEndian, [], body);
}

describe('sequence limits', () => {
  it('reads sequences nested 10 deep', () => {
    expect(parseInstance(fileWith(nested(10, true)), 'ok.dcm').ok).toBe(true);
    expect(parseInstance(fileWith(nested(10, false), false), 'ok.dcm').ok).toBe(true);
  });

  it.each([
    ['explicit', true],
    ['implicit', false],
  ])('refuses 20,000 levels of nesting (%s VR) in bounded time', (_, explicit) => {
    const bytes = fileWith(nested(20_000, explicit), explicit);
    const started = performance.now();
    const result = parseInstance(bytes, 'deep.dcm');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'limit-exceeded', params: { limit: 'maxSequenceDepth', max: 64 } },
    });
  });

  it('follows the depth limit a caller sets', () => {
    const bytes = fileWith(nested(10, true));
    expect(parseInstance(bytes, 'a.dcm', { limits: { maxSequenceDepth: 9 } })).toMatchObject({
      ok: false,
      error: { code: 'limit-exceeded', params: { limit: 'maxSequenceDepth' } },
    });
  });

  it('counts items at every depth against the item limit', () => {
    const items = Array.from({ length: 6 }, () =>
      concatBytes([itemHeader(0xe000, 10), elementBytes(0x00080100, 'SH', new Uint8Array(2))]),
    );
    const sequence = concatBytes([
      elementBytes(0x00081110, 'SQ', concatBytes(items)), // defined length
    ]);
    expect(parseInstance(fileWith(sequence), 'a.dcm').ok).toBe(true);
    expect(
      parseInstance(fileWith(sequence), 'a.dcm', { limits: { maxSequenceItems: 5 } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'limit-exceeded', params: { limit: 'maxSequenceItems', max: 5 } },
    });
  });
});
