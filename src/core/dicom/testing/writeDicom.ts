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

/** A Part 10 file: preamble, DICM, meta group with the transfer syntax, then the elements. */
export function writeDicom(
  elements: TestElement[],
  transferSyntax = ExplicitVRLittleEndian,
): Uint8Array {
  const meta = element({ tag: [0x0002, 0x0010], vr: 'UI', value: transferSyntax });
  const sorted = [...elements].sort((a, b) => a.tag[0] - b.tag[0] || a.tag[1] - b.tag[1]);
  return concatBytes([part10Preamble(), meta, ...sorted.map(element)]);
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
