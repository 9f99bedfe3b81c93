// A tiny explicit VR little endian Part 10 writer, so unit tests build the exact bytes they test.
import { ExplicitVRLittleEndian } from '../transferSyntax.ts';
import { longLengthVRs } from '../vr.ts';

export interface TestElement {
  tag: [number, number];
  vr: string;
  value: string | Uint8Array | number[];
}

function valueBytes(vr: string, value: TestElement['value']): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'string') {
    const padded = value.length % 2 ? value + (vr === 'UI' ? '\0' : ' ') : value;
    return new TextEncoder().encode(padded);
  }
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
  const data = valueBytes(vr, value);
  const long = longLengthVRs.has(vr);
  const head = new Uint8Array(long ? 12 : 8);
  const view = new DataView(head.buffer);
  view.setUint16(0, tag[0], true);
  view.setUint16(2, tag[1], true);
  head[4] = vr.charCodeAt(0);
  head[5] = vr.charCodeAt(1);
  if (long) view.setUint32(8, data.length, true);
  else view.setUint16(6, data.length, true);
  const out = new Uint8Array(head.length + data.length);
  out.set(head);
  out.set(data, head.length);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A Part 10 file: preamble, DICM, meta group with the transfer syntax, then the elements. */
export function writeDicom(
  elements: TestElement[],
  transferSyntax = ExplicitVRLittleEndian,
): Uint8Array {
  const preamble = new Uint8Array(132);
  preamble.set([0x44, 0x49, 0x43, 0x4d], 128);
  const meta = element({ tag: [0x0002, 0x0010], vr: 'UI', value: transferSyntax });
  const sorted = [...elements].sort((a, b) => a.tag[0] - b.tag[0] || a.tag[1] - b.tag[1]);
  return concat([preamble, meta, ...sorted.map(element)]);
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
