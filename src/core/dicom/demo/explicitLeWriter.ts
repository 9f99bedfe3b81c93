// A small writer for explicit-VR little-endian Part 10 files: enough for the demo series,
// which only needs flat datasets (no sequences) of strings, unsigned shorts and pixels. Its
// element, preamble and padding primitives also build the unit tests' files (testing/writeDicom).
import { concatBytes } from '../../bytes/concat.ts';
import { longLengthVRs } from '../vr.ts';

export type WriterVR =
  | 'AE'
  | 'AS'
  | 'AT'
  | 'CS'
  | 'DA'
  | 'DS'
  | 'IS'
  | 'LO'
  | 'PN'
  | 'SH'
  | 'TM'
  | 'UI'
  | 'UL'
  | 'US'
  | 'OB'
  | 'OW';

export interface WriterElement {
  /** (group << 16) | element */
  tag: number;
  vr: WriterVR;
  value: string | number | Uint8Array;
}

const EXPLICIT_VR_LE = '1.2.840.10008.1.2.1';
const IMPLEMENTATION_CLASS_UID = '2.25.160385046411436651387914498512541046611';

function encodeValue(el: WriterElement): Uint8Array {
  if (el.vr === 'US') {
    const out = new Uint8Array(2);
    new DataView(out.buffer).setUint16(0, Number(el.value), true);
    return out;
  }
  if (el.vr === 'AT') {
    // An attribute tag: group then element, each a little-endian uint16.
    const out = new Uint8Array(4);
    const view = new DataView(out.buffer);
    view.setUint16(0, Number(el.value) >>> 16, true);
    view.setUint16(2, Number(el.value) & 0xffff, true);
    return out;
  }
  if (el.vr === 'UL') {
    const out = new Uint8Array(4);
    new DataView(out.buffer).setUint32(0, Number(el.value), true);
    return out;
  }
  if (el.value instanceof Uint8Array) {
    if (el.value.length % 2 === 0) return el.value;
    const padded = new Uint8Array(el.value.length + 1);
    padded.set(el.value);
    return padded;
  }
  return encodeText(el.vr, String(el.value));
}

/** Text padded to even length: UIDs with NUL, all other text with a space. */
export function encodeText(vr: string, text: string): Uint8Array {
  return new TextEncoder().encode(text.length % 2 === 1 ? text + (vr === 'UI' ? '\0' : ' ') : text);
}

function encodeElement(el: WriterElement): Uint8Array {
  return elementBytes(el.tag, el.vr, encodeValue(el));
}

/** One element: tag, VR, a 2-byte length (or 2 reserved bytes and a 4-byte one), the value. */
export function elementBytes(tag: number, vr: string, value: Uint8Array): Uint8Array {
  const long = longLengthVRs.has(vr);
  const headerBytes = long ? 12 : 8;
  const out = new Uint8Array(headerBytes + value.length);
  const view = new DataView(out.buffer);
  view.setUint16(0, tag >>> 16, true);
  view.setUint16(2, tag & 0xffff, true);
  out[4] = vr.charCodeAt(0);
  out[5] = vr.charCodeAt(1);
  if (long) view.setUint32(8, value.length, true);
  else view.setUint16(6, value.length, true);
  out.set(value, headerBytes);
  return out;
}

// The project's one byte join, also offered here for the writers that import it from here.
export { concatBytes };

/** The 128-byte preamble and "DICM" that open every Part 10 file. */
export function part10Preamble(): Uint8Array {
  const preamble = new Uint8Array(132);
  preamble.set([0x44, 0x49, 0x43, 0x4d], 128); // "DICM"
  return preamble;
}

/** A complete Part 10 file: preamble, "DICM", file meta group, then the dataset sorted by tag. */
export function writePart10(
  sopClassUID: string,
  sopInstanceUID: string,
  dataset: WriterElement[],
  // Another syntax is only for files whose encapsulated pixel data the caller appends itself.
  transferSyntaxUID = EXPLICIT_VR_LE,
): Uint8Array {
  const metaBody = [
    encodeElement({ tag: 0x00020001, vr: 'OB', value: new Uint8Array([0, 1]) }),
    encodeElement({ tag: 0x00020002, vr: 'UI', value: sopClassUID }),
    encodeElement({ tag: 0x00020003, vr: 'UI', value: sopInstanceUID }),
    encodeElement({ tag: 0x00020010, vr: 'UI', value: transferSyntaxUID }),
    encodeElement({ tag: 0x00020012, vr: 'UI', value: IMPLEMENTATION_CLASS_UID }),
    encodeElement({ tag: 0x00020013, vr: 'SH', value: 'CONSILIUM_DEMO' }),
  ];
  const metaLength = metaBody.reduce((n, p) => n + p.length, 0);
  const sorted = [...dataset].sort((a, b) => a.tag - b.tag);
  return concatBytes([
    part10Preamble(),
    encodeElement({ tag: 0x00020000, vr: 'UL', value: metaLength }),
    ...metaBody,
    ...sorted.map(encodeElement),
  ]);
}
