// Small DICOM files built here, one per reading path: native grey and colour, palette, 1-bit,
// multi-frame with functional groups, LUT sequences, implicit and big-endian labels over the
// same bytes, deflated, RLE, and encapsulated JPEG-LS, JPEG 2000 and HTJ2K (codecSeeds.ts).
import { deflateSync } from 'fflate';
import { elementBytes, encodeText } from '../../../src/core/dicom/demo/explicitLeWriter';
import {
  imageHeader,
  writeDicom,
  type TestElement,
} from '../../../src/core/dicom/testing/writeDicom';
import {
  DeflatedExplicitVRLittleEndian,
  ExplicitVRBigEndian,
  ImplicitVRLittleEndian,
} from '../../../src/core/dicom/transferSyntax';
import { codecFrames } from './codecSeeds';

const RLE = '1.2.840.10008.1.2.5';

const u16 = (values: number[]) => new Uint8Array(new Uint16Array(values).buffer);
const ramp = (n: number, step = 37) => Array.from({ length: n }, (_, i) => (i * step) & 0xffff);
const tag = (group: number, element: number) => group * 0x10000 + element;

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A defined-length item (FFFE,E000) holding explicit VR little endian elements. */
function item(...elements: Uint8Array[]): Uint8Array {
  const body = concat(elements);
  const head = new Uint8Array(8);
  const v = new DataView(head.buffer);
  v.setUint16(0, 0xfffe, true);
  v.setUint16(2, 0xe000, true);
  v.setUint32(4, body.length, true);
  return concat([head, body]);
}

function us(group: number, element: number, values: number[]): Uint8Array {
  return elementBytes(tag(group, element), 'US', u16(values));
}

function str(group: number, element: number, vr: string, value: string): Uint8Array {
  return elementBytes(tag(group, element), vr, encodeText(vr, value));
}

/** Encapsulated Pixel Data: undefined length, a basic offset table, one fragment per frame. */
export function encapsulated(frames: readonly Uint8Array[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const head = new Uint8Array(12);
  const hv = new DataView(head.buffer);
  hv.setUint16(0, 0x7fe0, true);
  hv.setUint16(2, 0x0010, true);
  head.set([0x4f, 0x42], 4); // OB
  hv.setUint32(8, 0xffffffff, true);
  parts.push(head);
  const padded = frames.map((f) => (f.length % 2 ? concat([f, new Uint8Array(1)]) : f));
  const offsets = new Uint8Array(4 * frames.length);
  let at = 0;
  padded.forEach((f, i) => {
    new DataView(offsets.buffer).setUint32(4 * i, at, true);
    at += 8 + f.length;
  });
  for (const f of [offsets, ...padded]) {
    const h = new Uint8Array(8);
    const v = new DataView(h.buffer);
    v.setUint16(0, 0xfffe, true);
    v.setUint16(2, 0xe000, true);
    v.setUint32(4, f.length, true);
    parts.push(h, f);
  }
  parts.push(new Uint8Array([0xfe, 0xff, 0xdd, 0xe0, 0, 0, 0, 0]));
  return concat(parts);
}

/** PackBits of one byte plane: runs of three or more as replicate runs, the rest literal. */
function packBits(plane: Uint8Array): Uint8Array {
  const out: number[] = [];
  let i = 0;
  while (i < plane.length) {
    let run = 1;
    while (i + run < plane.length && run < 128 && plane[i + run] === plane[i]) run++;
    if (run >= 3) {
      out.push((257 - run) & 0xff, plane[i]);
      i += run;
      continue;
    }
    const start = i;
    while (
      i < plane.length &&
      i - start < 128 &&
      !(plane[i + 1] === plane[i] && plane[i + 2] === plane[i])
    )
      i++;
    out.push(i - start - 1, ...plane.subarray(start, i));
  }
  return new Uint8Array(out);
}

/** An RLE Lossless frame (PS3.5 G): a 64-byte header, then one segment per byte plane, MSB first. */
function rleFrame(samples: Uint8Array, bytesPerSample: number): Uint8Array {
  const count = samples.length / bytesPerSample;
  const segments: Uint8Array[] = [];
  for (let s = bytesPerSample - 1; s >= 0; s--) {
    const plane = new Uint8Array(count);
    for (let i = 0; i < count; i++) plane[i] = samples[i * bytesPerSample + s];
    const packed = packBits(plane);
    segments.push(packed.length % 2 ? concat([packed, new Uint8Array([0x80])]) : packed);
  }
  const header = new Uint8Array(64);
  const v = new DataView(header.buffer);
  v.setUint32(0, segments.length, true);
  let at = 64;
  segments.forEach((s, i) => {
    v.setUint32(4 + 4 * i, at, true);
    at += s.length;
  });
  return concat([header, ...segments]);
}

const LONG_VRS = new Set(['OB', 'OW', 'OF', 'SQ', 'UT', 'UN']);

/** A flat explicit VR little endian file rewritten as implicit VR (tag, 4-byte length, value). */
function implicit(elements: TestElement[]): Uint8Array {
  const explicit = writeDicom(elements, ImplicitVRLittleEndian);
  const metaEnd = 132 + 8 + encodeText('UI', ImplicitVRLittleEndian).length;
  const v = new DataView(explicit.buffer);
  const parts = [explicit.subarray(0, metaEnd)];
  for (let at = metaEnd; at < explicit.length;) {
    const vr = String.fromCharCode(explicit[at + 4], explicit[at + 5]);
    const long = LONG_VRS.has(vr);
    const length = long ? v.getUint32(at + 8, true) : v.getUint16(at + 6, true);
    const valueAt = at + (long ? 12 : 8);
    const head = new Uint8Array(8);
    head.set(explicit.subarray(at, at + 4));
    new DataView(head.buffer).setUint32(4, length, true);
    parts.push(head, explicit.subarray(valueAt, valueAt + length));
    at = valueAt + length;
  }
  return concat(parts);
}

/** The same data set, deflated after the file meta (which stays plain, PS3.5 A.5). */
function deflated(elements: TestElement[]): Uint8Array {
  const plain = writeDicom(elements, DeflatedExplicitVRLittleEndian);
  const metaEnd = 132 + 8 + encodeText('UI', DeflatedExplicitVRLittleEndian).length;
  return concat([plain.subarray(0, metaEnd), deflateSync(plain.subarray(metaEnd))]);
}

const pixels = (values: number[]): TestElement => ({
  tag: [0x7fe0, 0x0010],
  vr: 'OW',
  value: values,
});

function ct(rows: number, columns: number): TestElement[] {
  return [
    ...imageHeader(rows, columns, 16, true),
    { tag: [0x0028, 0x1052], vr: 'DS', value: '-1024' },
    { tag: [0x0028, 0x1053], vr: 'DS', value: '1.5' },
    { tag: [0x0028, 0x1050], vr: 'DS', value: '40\\400' },
    { tag: [0x0028, 0x1051], vr: 'DS', value: '400\\1500' },
    { tag: [0x0028, 0x0030], vr: 'DS', value: '0.5\\0.5' },
    { tag: [0x0020, 0x0032], vr: 'DS', value: '0\\0\\12.5' },
    { tag: [0x0020, 0x0037], vr: 'DS', value: '1\\0\\0\\0\\1\\0' },
  ];
}

function withoutTags(elements: TestElement[], ...drop: number[]): TestElement[] {
  return elements.filter((e) => !drop.includes(e.tag[0] * 0x10000 + e.tag[1]));
}

function colour(photometric: string, planar: number): TestElement[] {
  return [
    ...withoutTags(imageHeader(2, 3, 8, false), 0x00280002, 0x00280004),
    { tag: [0x0028, 0x0002], vr: 'US', value: [3] },
    { tag: [0x0028, 0x0004], vr: 'CS', value: photometric },
    { tag: [0x0028, 0x0006], vr: 'US', value: [planar] },
    { tag: [0x7fe0, 0x0010], vr: 'OB', value: new Uint8Array(18).map((_, i) => i * 14) },
  ];
}

function palette(): TestElement[] {
  const descriptor = (e: number): TestElement => ({
    tag: [0x0028, e],
    vr: 'US',
    value: [4, 0, 16],
  });
  return [
    ...withoutTags(imageHeader(2, 2, 8, false), 0x00280004),
    { tag: [0x0028, 0x0004], vr: 'CS', value: 'PALETTE COLOR' },
    descriptor(0x1101),
    descriptor(0x1102),
    descriptor(0x1103),
    { tag: [0x0028, 0x1201], vr: 'OW', value: [0, 100, 200, 65535] },
    { tag: [0x0028, 0x1202], vr: 'OW', value: [5, 6, 7, 8] },
    { tag: [0x0028, 0x1203], vr: 'OW', value: [9, 10, 11, 12] },
    { tag: [0x7fe0, 0x0010], vr: 'OB', value: new Uint8Array([0, 1, 2, 3]) },
  ];
}

/** Three frames whose spacing and rescale live in the shared functional groups. */
function multiFrame(): TestElement[] {
  const shared = item(
    elementBytes(
      tag(0x0028, 0x9110),
      'SQ',
      item(str(0x0028, 0x0030, 'DS', '0.7\\0.7'), str(0x0018, 0x0050, 'DS', '2')),
    ),
    elementBytes(
      tag(0x0028, 0x9145),
      'SQ',
      item(str(0x0028, 0x1052, 'DS', '-1000'), str(0x0028, 0x1053, 'DS', '2')),
    ),
  );
  return [
    ...imageHeader(3, 4, 16, false),
    { tag: [0x0028, 0x0008], vr: 'IS', value: '3' },
    { tag: [0x5200, 0x9229], vr: 'SQ', value: shared },
    pixels(ramp(36)),
  ];
}

/** A modality LUT and a VOI LUT given as sequences, as some CR and XA files carry them. */
function lutSequences(): TestElement[] {
  const lut = (descriptor: number[], data: number[]) =>
    item(
      us(0x0028, 0x3002, descriptor),
      str(0x0028, 0x3003, 'LO', 'LUT'),
      elementBytes(tag(0x0028, 0x3006), 'OW', u16(data)),
    );
  return [
    ...imageHeader(2, 2, 16, false),
    { tag: [0x0028, 0x3000], vr: 'SQ', value: lut([4, 0, 16], [10, 20, 30, 40]) },
    { tag: [0x0028, 0x3010], vr: 'SQ', value: lut([4, 0, 16], [0, 1000, 2000, 4095]) },
    pixels([0, 1, 2, 3]),
  ];
}

/** Seed files built in the repository; the same bytes on every run. */
export async function dicomSeeds(): Promise<Uint8Array[]> {
  const ct4 = [...ct(4, 4), pixels(ramp(16, 301))];
  const grey8 = [
    ...withoutTags(imageHeader(2, 3, 8, false), 0x00280004),
    { tag: [0x0028, 0x0004], vr: 'CS', value: 'MONOCHROME1' },
    { tag: [0x7fe0, 0x0010], vr: 'OB', value: new Uint8Array([0, 50, 100, 150, 200, 250]) },
  ] satisfies TestElement[];
  const oneBit = [
    ...withoutTags(imageHeader(8, 8, 1, false), 0x00280100, 0x00280101, 0x00280102),
    { tag: [0x0028, 0x0100], vr: 'US', value: [1] },
    { tag: [0x0028, 0x0101], vr: 'US', value: [1] },
    { tag: [0x0028, 0x0102], vr: 'US', value: [0] },
    { tag: [0x7fe0, 0x0010], vr: 'OB', value: new Uint8Array([0xaa, 0x55, 0xff, 0, 1, 2, 4, 8]) },
  ] satisfies TestElement[];
  const header16 = ct(16, 16);
  const values = ramp(256, 97).map((v) => v & 0x0fff);
  const rle16 = rleFrame(u16(values), 2);
  const seeds = [
    writeDicom(ct4),
    writeDicom(grey8),
    writeDicom(oneBit),
    writeDicom(colour('RGB', 0)),
    writeDicom(colour('RGB', 1)),
    writeDicom(colour('YBR_FULL', 0)),
    writeDicom(palette()),
    writeDicom(multiFrame()),
    writeDicom(lutSequences()),
    // The same explicit little-endian bytes under other labels: readers must not trust the label.
    implicit(ct4),
    writeDicom(ct4, ImplicitVRLittleEndian),
    writeDicom(ct4, ExplicitVRBigEndian),
    deflated(ct4),
    concat([writeDicom(header16, RLE), encapsulated([rle16])]),
    concat([
      writeDicom([...header16, { tag: [0x0028, 0x0008], vr: 'IS', value: '2' }], RLE),
      encapsulated([rle16, rleFrame(u16(values.map((v) => 4095 - v)), 2)]),
    ]),
  ];
  for (const { transferSyntax, header, frame } of await codecFrames())
    seeds.push(concat([writeDicom(header, transferSyntax), encapsulated([frame])]));
  return seeds;
}
