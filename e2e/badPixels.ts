// A file whose header is valid but whose JPEG pixel data is garbage: it parses and is listed,
// and only decoding it fails. Built by hand so the e2e test needs no fixture files.
import { writePart10, type WriterElement } from '../src/core/dicom/demo/explicitLeWriter.ts';
import { newUid } from '../src/core/dicom/demo/uid.ts';

const JPEG_BASELINE = '1.2.840.10008.1.2.4.50';
const SC = '1.2.840.10008.5.1.4.1.1.7';

function le16(n: number): number[] {
  return [n & 0xff, n >> 8];
}

/** (7FE0,0010) OB of undefined length: an empty offset table, one fragment, the delimiter. */
function encapsulated(fragment: Uint8Array): Uint8Array {
  const item = (bytes: Uint8Array) => [
    ...le16(0xfffe),
    ...le16(0xe000),
    ...[bytes.length, bytes.length >> 8, bytes.length >> 16, 0],
    ...bytes,
  ];
  return new Uint8Array([
    ...le16(0x7fe0),
    ...le16(0x0010),
    0x4f, // "OB"
    0x42,
    0,
    0,
    0xff,
    0xff,
    0xff,
    0xff,
    ...item(new Uint8Array(0)),
    ...item(fragment),
    ...le16(0xfffe),
    ...le16(0xe0dd),
    0,
    0,
    0,
    0,
  ]);
}

export function jpegWithGarbagePixels(): Uint8Array {
  const uid = newUid();
  const dataset: WriterElement[] = [
    { tag: 0x00080016, vr: 'UI', value: SC },
    { tag: 0x00080018, vr: 'UI', value: uid },
    { tag: 0x00080060, vr: 'CS', value: 'OT' },
    { tag: 0x0008103e, vr: 'LO', value: 'Damaged JPEG' },
    { tag: 0x00100010, vr: 'PN', value: 'Broken^Pixels' },
    { tag: 0x00100020, vr: 'LO', value: 'BROKEN-1' },
    { tag: 0x0020000d, vr: 'UI', value: newUid() },
    { tag: 0x0020000e, vr: 'UI', value: newUid() },
    { tag: 0x00280002, vr: 'US', value: 1 },
    { tag: 0x00280004, vr: 'CS', value: 'MONOCHROME2' },
    { tag: 0x00280010, vr: 'US', value: 64 },
    { tag: 0x00280011, vr: 'US', value: 64 },
    { tag: 0x00280100, vr: 'US', value: 8 },
    { tag: 0x00280101, vr: 'US', value: 8 },
    { tag: 0x00280102, vr: 'US', value: 7 },
    { tag: 0x00280103, vr: 'US', value: 0 },
  ];
  const head = writePart10(SC, uid, dataset, JPEG_BASELINE);
  // A JPEG start-of-image marker followed by noise.
  const garbage = new Uint8Array(200).map((_, i) => (i * 37 + 11) & 0xff);
  garbage.set([0xff, 0xd8, 0xff, 0xdb], 0);
  const tail = encapsulated(garbage);
  const out = new Uint8Array(head.length + tail.length);
  out.set(head);
  out.set(tail, head.length);
  return out;
}
