import { describe, expect, it } from 'vitest';
import { dumpTags } from './dumpTags.ts';
import { imageHeader, writeDicom } from './testing/writeDicom.ts';

describe('dumpTags', () => {
  it('lists each element with its VR, name and value', () => {
    const rows = dumpTags(
      writeDicom([
        ...imageHeader(3, 5, 16, true),
        { tag: [0x7fe0, 0x0010], vr: 'OW', value: new Array(15).fill(0) },
      ]),
    );
    expect(rows.find((r) => r.tag === '(0028,0010)')).toEqual({
      tag: '(0028,0010)',
      vr: 'US',
      name: 'Rows',
      value: '3',
      depth: 0,
    });
    expect(rows.find((r) => r.name === 'Modality')?.value).toBe('CT');
    expect(rows.find((r) => r.name === 'PixelData')?.value).toBe('30 bytes');
    expect(rows.find((r) => r.name === 'TransferSyntaxUID')?.value).toBe('1.2.840.10008.1.2.1');
  });
});
