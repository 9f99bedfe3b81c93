// What a streamed series part is, read from its file meta group alone (PS3.10 7.1: Explicit VR
// Little Endian after the 128-byte preamble and "DICM"), without parsing the data set: the
// instance it is (to skip the slice already fetched by itself and to name the file as the
// per-instance path does) and whether it carries pixels (a study of reports has no image).

const META_START = 132;

export interface Part10Meta {
  readonly sopInstanceUid?: string;
  readonly sopClassUid?: string;
}

function text(bytes: Uint8Array, at: number, length: number): string {
  let s = '';
  for (let i = at; i < at + length && bytes[i] !== 0; i++) s += String.fromCharCode(bytes[i]);
  return s.trim();
}

/** The Media Storage SOP Instance and Class UIDs of Part 10 bytes ({} where it has no meta). */
export function part10Meta(bytes: Uint8Array): Part10Meta {
  if (bytes.length < META_START + 8) return {};
  if (text(bytes, 128, 4) !== 'DICM') return {};
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = META_START;
  const out: { sopInstanceUid?: string; sopClassUid?: string } = {};
  while (at + 8 <= bytes.length && view.getUint16(at, true) === 0x0002) {
    const element = view.getUint16(at + 2, true);
    const vr = text(bytes, at + 4, 2);
    const long = vr === 'OB' || vr === 'OW' || vr === 'SQ' || vr === 'UN' || vr === 'UT';
    const length = long ? view.getUint32(at + 8, true) : view.getUint16(at + 6, true);
    const value = at + (long ? 12 : 8);
    if (value + length > bytes.length) break;
    if (element === 0x0002) out.sopClassUid = text(bytes, value, length);
    if (element === 0x0003) out.sopInstanceUid = text(bytes, value, length);
    at = value + length;
  }
  return out;
}

function holdsPixelTag(bytes: Uint8Array): boolean {
  for (let i = bytes.indexOf(0xe0); i >= 0 && i + 4 <= bytes.length; i = bytes.indexOf(0xe0, i + 1))
    if (bytes[i + 1] === 0x7f && bytes[i + 2] === 0x10 && bytes[i + 3] === 0x00) return true;
  return false;
}

/**
 * Whether the bytes hold the Pixel Data element (7FE0,0010), little endian, as images do; given
 * as one array or as the pieces a streamed part came in (a tag may straddle two of them).
 */
export function hasPixelData(bytes: Uint8Array | readonly Uint8Array[]): boolean {
  if (bytes instanceof Uint8Array) return holdsPixelTag(bytes);
  for (let k = 0; k < bytes.length; k++) {
    if (holdsPixelTag(bytes[k])) return true;
    const next = bytes[k + 1];
    if (!next) break;
    const seam = new Uint8Array(6);
    const tail = bytes[k].subarray(Math.max(0, bytes[k].length - 3));
    seam.set(tail, 0);
    seam.set(next.subarray(0, 3), tail.length);
    if (holdsPixelTag(seam.subarray(0, tail.length + Math.min(3, next.length)))) return true;
  }
  return false;
}
