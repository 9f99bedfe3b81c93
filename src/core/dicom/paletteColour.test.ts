// PALETTE COLOR beyond 8-bit indices and plain tables: 16-bit indices with a first mapped value,
// and Segmented Palette Color LUT Data (0028,1221–1223), expanded as pydicom 2.3 does
// (_expand_segmented_lut gives the reference rows below).
import { describe, expect, it } from 'vitest';
import { decodeFrame } from './decode.ts';
import { parseInstance } from './parse.ts';
import { imageHeader, writeDicom, type TestElement } from './testing/writeDicom.ts';

async function decode(elements: TestElement[]) {
  const bytes = writeDicom(elements);
  const parsed = parseInstance(bytes, 'palette.dcm');
  if (!parsed.ok) throw new Error(parsed.error.reason);
  return decodeFrame(bytes, parsed.meta, 0);
}

function paletteHeader(rows: number, columns: number, bits: number): TestElement[] {
  return [
    ...imageHeader(rows, columns, bits, false).filter((e) => e.tag[1] !== 0x0004),
    { tag: [0x0028, 0x0004], vr: 'CS', value: 'PALETTE COLOR' },
  ];
}

const descriptors = (entries: number, first: number): TestElement[] =>
  [0x1101, 0x1102, 0x1103].map((t) => ({
    tag: [0x0028, t] as [number, number],
    vr: 'US',
    value: [entries, first, 16],
  }));

describe('PALETTE COLOR', () => {
  it('maps 16-bit indices through tables whose first mapped value is 1000', async () => {
    const red = Array.from({ length: 4 }, (_, i) => i * 20000);
    const frame = await decode([
      ...paletteHeader(1, 4, 16),
      ...descriptors(4, 1000),
      { tag: [0x0028, 0x1201], vr: 'OW', value: red },
      { tag: [0x0028, 0x1202], vr: 'OW', value: [1, 2, 3, 4] },
      { tag: [0x0028, 0x1203], vr: 'OW', value: [9, 8, 7, 6] },
      // Below the first mapped value → entry 0; past the last → the last entry.
      { tag: [0x7fe0, 0x0010], vr: 'OW', value: [1001, 1003, 5, 65000] },
    ]);
    expect(frame.samplesPerPixel).toBe(3);
    expect(Array.from(frame.values)).toEqual([20000, 2, 8, 60000, 4, 6, 0, 1, 9, 60000, 4, 6]);
  });

  it('expands segmented tables (discrete, linear, indirect) as pydicom does', async () => {
    // Discrete 0,1000,2000; linear to 65535 over 5; discrete 30000; linear to 0 over 4;
    // linear to 3 over 3 (pydicom: [0,1000,2000,14707,27414,40121,52828,65535,30000,22500,
    // 15000,7500,0,1,2,3]).
    const segments = [0, 3, 0, 1000, 2000, 1, 5, 65535, 0, 1, 30000, 1, 4, 0, 1, 3, 3];
    const expanded = [
      0, 1000, 2000, 14707, 27414, 40121, 52828, 65535, 30000, 22500, 15000, 7500, 0, 1, 2, 3,
    ];
    // Green: discrete 5, then an indirect copy of 1 segment at byte 0 (the discrete 5 again).
    const green = [0, 1, 5, 2, 1, 0, 0];
    const indices = Array.from({ length: 16 }, (_, i) => i);
    const frame = await decode([
      ...paletteHeader(4, 4, 8),
      ...descriptors(16, 0),
      { tag: [0x0028, 0x1221], vr: 'OW', value: segments },
      { tag: [0x0028, 0x1222], vr: 'OW', value: green },
      { tag: [0x0028, 0x1223], vr: 'OW', value: [0, 16, ...expanded.toReversed()] },
      { tag: [0x7fe0, 0x0010], vr: 'OB', value: new Uint8Array(indices) },
    ]);
    const channel = (c: number) => Array.from(frame.values).filter((_, i) => i % 3 === c);
    expect(channel(0)).toEqual(expanded);
    expect(channel(1)).toEqual([5, 5, ...Array(14).fill(0)]);
    expect(channel(2)).toEqual(expanded.toReversed());
  });
});
