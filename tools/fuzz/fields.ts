// Where the length and count fields of an input are, so mutations hit them more often than a
// random offset would: the sizes a reader believes are where parsers of hostile input break.
import type { Field } from './mutate';

const LONG_VRS = new Set([
  'OB',
  'OD',
  'OF',
  'OL',
  'OV',
  'OW',
  'SQ',
  'SV',
  'UC',
  'UN',
  'UR',
  'UT',
  'UV',
]);

/**
 * Element lengths, item lengths and the US values of the image pixel module (rows, columns,
 * bits, samples, frames' neighbours) of an explicit VR little endian file, walked from the
 * start of the data set until something does not parse.
 */
export function dicomFields(b: Uint8Array): Field[] {
  const fields: Field[] = [];
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let at = b.length > 132 && b[128] === 0x44 && b[129] === 0x49 ? 132 : 0;
  while (at + 8 <= b.length && fields.length < 512) {
    const group = v.getUint16(at, true);
    const element = v.getUint16(at + 2, true);
    if (group === 0xfffe) {
      // An item or delimiter: its 4-byte length, then step into the item.
      fields.push({ offset: at + 4, width: 4, littleEndian: true });
      at += 8;
      continue;
    }
    const vr = String.fromCharCode(b[at + 4], b[at + 5]);
    if (!/^[A-Z]{2}$/.test(vr)) break;
    const long = LONG_VRS.has(vr);
    const lengthAt = long ? at + 8 : at + 6;
    if (lengthAt + (long ? 4 : 2) > b.length) break;
    const length = long ? v.getUint32(lengthAt, true) : v.getUint16(lengthAt, true);
    fields.push({ offset: lengthAt, width: long ? 4 : 2, littleEndian: true });
    const valueAt = lengthAt + (long ? 4 : 2);
    if (vr === 'US' && group === 0x0028 && length >= 2)
      fields.push({ offset: valueAt, width: 2, littleEndian: true });
    if (vr === 'SQ' || length === 0xffffffff) {
      at = valueAt; // step into sequences and undefined-length pixel data
      continue;
    }
    if (element === 0x0000 && length === 4)
      fields.push({ offset: valueAt, width: 4, littleEndian: true });
    at = valueAt + length;
  }
  return fields;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

// Offsets of the fields of each zip record (APPNOTE 4.3.7, 4.3.12, 4.3.16) with their widths.
const LOCAL_FIELDS: [number, 2 | 4][] = [
  [6, 2],
  [8, 2],
  [14, 4],
  [18, 4],
  [22, 4],
  [26, 2],
  [28, 2],
];
const CENTRAL_FIELDS: [number, 2 | 4][] = [
  [4, 2],
  [8, 2],
  [10, 2],
  [16, 4],
  [20, 4],
  [24, 4],
  [28, 2],
  [30, 2],
  [32, 2],
  [38, 4],
  [42, 4],
];
const END_FIELDS: [number, 2 | 4][] = [
  [8, 2],
  [10, 2],
  [12, 4],
  [16, 4],
  [20, 2],
];

/** Flags, methods, CRCs, sizes, name lengths, attributes and offsets of every zip record. */
export function zipFields(b: Uint8Array, base = 0): Field[] {
  const fields: Field[] = [];
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  for (let at = base; at + 4 <= b.length && fields.length < 2048; at++) {
    if (b[at] !== 0x50 || b[at + 1] !== 0x4b) continue;
    const sig = v.getUint32(at, true);
    const layout =
      sig === LOCAL
        ? LOCAL_FIELDS
        : sig === CENTRAL
          ? CENTRAL_FIELDS
          : sig === END
            ? END_FIELDS
            : [];
    for (const [offset, width] of layout)
      if (at + offset + width <= b.length)
        fields.push({ offset: at + offset, width, littleEndian: true });
  }
  return fields;
}

/** The encrypted bundle's header: the PBKDF2 iteration count (big endian), salt and IV words. */
export function encryptionFields(b: Uint8Array): Field[] {
  const fields: Field[] = [{ offset: 8, width: 4, littleEndian: false }];
  for (let at = 12; at < 40 && at + 4 <= b.length; at += 4)
    fields.push({ offset: at, width: 4, littleEndian: false });
  return fields.filter((f) => f.offset + f.width <= b.length);
}
