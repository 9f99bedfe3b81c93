// A tiny explicit VR little endian Part 10 writer, so unit tests build the exact bytes they test.
import { ExplicitVRLittleEndian } from '../transferSyntax.ts';
import { concatBytes, elementBytes, encodeText, part10Preamble } from '../demo/explicitLeWriter.ts';

export interface TestElement {
  tag: [number, number];
  vr: string;
  value: string | Uint8Array | number[];
}

function valueBytes(vr: string, value: TestElement['value']): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'string') return encodeText(vr, value);
  const size = vr === 'US' || vr === 'SS' || vr === 'OW' ? 2 : 4;
  const out = new Uint8Array(value.length * size);
  const view = new DataView(out.buffer);
  value.forEach((v, i) => {
    if (vr === 'SS') view.setInt16(i * 2, v, true);
    else if (size === 2) view.setUint16(i * 2, v, true);
    else view.setUint32(i * 4, v, true);
  });
  return out;
}

function element({ tag, vr, value }: TestElement): Uint8Array {
  return elementBytes(tag[0] * 0x10000 + tag[1], vr, valueBytes(vr, value));
}

/** The data set's bytes: the elements sorted by tag, then `raw` (e.g. encapsulated pixels). */
export function dataSetBytes(elements: TestElement[], raw: Uint8Array[] = []): Uint8Array {
  const sorted = [...elements].sort((a, b) => a.tag[0] - b.tag[0] || a.tag[1] - b.tag[1]);
  return concatBytes([...sorted.map(element), ...raw]);
}

/**
 * A Part 10 file: preamble, DICM, meta group with the transfer syntax, then the data set, as
 * is or (Deflated) as the caller gives it in `body`.
 */
export function writeDicom(
  elements: TestElement[],
  transferSyntax = ExplicitVRLittleEndian,
  raw: Uint8Array[] = [],
  body: Uint8Array = dataSetBytes(elements, raw),
): Uint8Array {
  const meta = element({ tag: [0x0002, 0x0010], vr: 'UI', value: transferSyntax });
  return concatBytes([part10Preamble(), meta, body]);
}

function le16(n: number): number[] {
  return [n & 0xff, (n >> 8) & 0xff];
}

function le32(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}

/** An item or delimiter header: (FFFE,xxxx) and a 32-bit length. */
export function itemHeader(element: number, length: number): Uint8Array {
  return new Uint8Array([...le16(0xfffe), ...le16(element), ...le32(length)]);
}

/** (7FE0,0010) OB of undefined length: an offset table, one item per fragment, the delimiter. */
export function encapsulatedPixelData(fragments: Uint8Array[], offsets: number[] = []): Uint8Array {
  const table = new Uint8Array(offsets.flatMap(le32));
  const parts = [
    new Uint8Array([...le16(0x7fe0), ...le16(0x0010), 0x4f, 0x42, 0, 0, ...le32(0xffffffff)]),
    itemHeader(0xe000, table.length),
    table,
  ];
  for (const f of fragments) {
    const even = f.length % 2 === 0 ? f : concatBytes([f, new Uint8Array(1)]);
    parts.push(itemHeader(0xe000, even.length), even);
  }
  parts.push(itemHeader(0xe0dd, 0));
  return concatBytes(parts);
}

/** The header of a small grey image; callers add Pixel Data and anything else. */
export function imageHeader(
  rows: number,
  columns: number,
  bits: number,
  signed: boolean,
): TestElement[] {
  return [
    { tag: [0x0008, 0x0018], vr: 'UI', value: '1.2.3.4' },
    { tag: [0x0008, 0x0060], vr: 'CS', value: 'CT' },
    { tag: [0x0028, 0x0002], vr: 'US', value: [1] },
    { tag: [0x0028, 0x0004], vr: 'CS', value: 'MONOCHROME2' },
    { tag: [0x0028, 0x0010], vr: 'US', value: [rows] },
    { tag: [0x0028, 0x0011], vr: 'US', value: [columns] },
    { tag: [0x0028, 0x0100], vr: 'US', value: [bits] },
    { tag: [0x0028, 0x0101], vr: 'US', value: [bits] },
    { tag: [0x0028, 0x0102], vr: 'US', value: [bits - 1] },
    { tag: [0x0028, 0x0103], vr: 'US', value: [signed ? 1 : 0] },
  ];
}
