import { describe, expect, it } from 'vitest';
import { decodeRle } from './codecs/rle.ts';
import { ybrFullToRgb } from './colour.ts';
import { decodeFrame } from './decode.ts';
import { headerParseCount, parseInstance } from './parse.ts';
import { imageHeader, writeDicom, type TestElement } from './testing/writeDicom.ts';

async function decodeOnly(elements: TestElement[]) {
  const bytes = writeDicom(elements);
  const parsed = parseInstance(bytes, 'test.dcm');
  if (!parsed.ok) throw new Error(parsed.error.reason);
  return decodeFrame(bytes, parsed.meta, 0);
}

describe('decodeFrame', () => {
  it('turns signed stored values into Hounsfield units', async () => {
    const frame = await decodeOnly([
      ...imageHeader(1, 3, 16, true),
      { tag: [0x0028, 0x1052], vr: 'DS', value: '-1024' },
      { tag: [0x0028, 0x1053], vr: 'DS', value: '2' },
      // -2000, 0, 1000 as 16-bit two's complement.
      { tag: [0x7fe0, 0x0010], vr: 'OW', value: [0x10000 - 2000, 0, 1000] },
    ]);
    expect(Array.from(frame.values)).toEqual([-5024, -1024, 976]);
    expect([frame.min, frame.max]).toEqual([-5024, 976]);
  });

  it('maps PALETTE COLOR indices through 16-bit lookup tables', async () => {
    const header = imageHeader(1, 2, 8, false).filter((e) => e.tag[1] !== 0x0004);
    const descriptor = (tag: number): TestElement => ({
      tag: [0x0028, tag],
      vr: 'US',
      value: [2, 0, 16],
    });
    const frame = await decodeOnly([
      ...header,
      { tag: [0x0028, 0x0004], vr: 'CS', value: 'PALETTE COLOR' },
      descriptor(0x1101),
      descriptor(0x1102),
      descriptor(0x1103),
      { tag: [0x0028, 0x1201], vr: 'OW', value: [0, 65280] },
      { tag: [0x0028, 0x1202], vr: 'OW', value: [100, 200] },
      { tag: [0x0028, 0x1203], vr: 'OW', value: [300, 400] },
      { tag: [0x7fe0, 0x0010], vr: 'OB', value: new Uint8Array([1, 0]) },
    ]);
    expect(frame.samplesPerPixel).toBe(3);
    expect(Array.from(frame.values)).toEqual([65280, 200, 400, 0, 100, 300]);
  });

  it('reads the header once: at ingest, not again for each decode', async () => {
    const bytes = writeDicom([
      ...imageHeader(2, 2, 16, false),
      { tag: [0x7fe0, 0x0010], vr: 'OW', value: [1, 2, 3, 4] },
    ]);
    const before = headerParseCount();
    const parsed = parseInstance(bytes, 'once.dcm');
    if (!parsed.ok) throw new Error(parsed.error.reason);
    const copy = bytes.slice(); // as another worker reads the file into its own bytes
    const frame = await decodeFrame(copy, parsed.meta, 0, { shared: true });
    expect(headerParseCount() - before).toBe(1);
    expect(Array.from(frame.values)).toEqual([1, 2, 3, 4]);
    expect(frame.values.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('flags MONOCHROME1 for inverted display', async () => {
    const header = imageHeader(1, 1, 8, false).filter((e) => e.tag[1] !== 0x0004);
    const frame = await decodeOnly([
      ...header,
      { tag: [0x0028, 0x0004], vr: 'CS', value: 'MONOCHROME1' },
      { tag: [0x7fe0, 0x0010], vr: 'OB', value: new Uint8Array([7, 0]) },
    ]);
    expect(frame.invert).toBe(true);
    expect(frame.values[0]).toBe(7);
  });
});

describe('RLE Lossless', () => {
  it('decodes hand-made PackBits segments, most significant byte first', async () => {
    // 1x4 image, 16-bit: values 0x0102, 0x0102, 0x0103, 0x0304.
    const header = new Uint8Array(64);
    const view = new DataView(header.buffer);
    // High bytes: run of three 0x01 (-2 = repeat 3 times), then one literal 0x03.
    const high = [0xfe, 0x01, 0x00, 0x03];
    // Low bytes: four literals (n = 3).
    const low = [0x03, 0x02, 0x02, 0x02, 0x04];
    view.setUint32(0, 2, true);
    view.setUint32(4, 64, true);
    view.setUint32(8, 64 + high.length, true);
    const frame = new Uint8Array([...header, ...high, ...low]);
    const { samples } = await decodeRle(frame, {
      rows: 1,
      columns: 4,
      samplesPerPixel: 1,
      bitsAllocated: 16,
      pixelRepresentation: 0,
      photometricInterpretation: 'MONOCHROME2',
    });
    expect(Array.from(samples)).toEqual([0x0102, 0x0102, 0x0102, 0x0304]);
  });
});

describe('YBR_FULL to RGB', () => {
  it('converts grey, pure red and pure blue like PS3.3 C.7.6.3.1.2', () => {
    const ybr = new Float32Array([128, 128, 128, 76, 85, 255, 29, 255, 107]);
    expect(Array.from(ybrFullToRgb(ybr, 8))).toEqual([128, 128, 128, 254, 0, 0, 0, 0, 254]);
  });
});
