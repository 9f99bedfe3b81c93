// A PACS instance rebuilt from its DICOM JSON and frames reads back as the local file does.
import { describe, expect, it } from 'vitest';
import { decodeFrame } from '../dicom/decode.ts';
import { parseInstance } from '../dicom/parse.ts';
import type { JsonDataSet } from './dicomJson.ts';
import { instanceFile, resolveDataSet } from './part10.ts';

function ctMeta(bits: number): JsonDataSet {
  return {
    '00080016': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.2'] },
    '00080018': { vr: 'UI', Value: ['2.25.1'] },
    '00080060': { vr: 'CS', Value: ['CT'] },
    '00080090': { vr: 'PN' },
    '00100010': { vr: 'PN', Value: [{ Alphabetic: 'Doe^Jane' }] },
    '0020000D': { vr: 'UI', Value: ['2.25.2'] },
    '0020000E': { vr: 'UI', Value: ['2.25.3'] },
    '00200013': { vr: 'IS', Value: [7] },
    '00280002': { vr: 'US', Value: [1] },
    '00280004': { vr: 'CS', Value: ['MONOCHROME2'] },
    '00280010': { vr: 'US', Value: [2] },
    '00280011': { vr: 'US', Value: [3] },
    '00280100': { vr: 'US', Value: [bits] },
    '00280101': { vr: 'US', Value: [bits] },
    '00280102': { vr: 'US', Value: [bits - 1] },
    '00280103': { vr: 'US', Value: [0] },
    '00281052': { vr: 'DS', Value: [-1024] },
    '00281053': { vr: 'DS', Value: [1] },
    '00091010': { vr: 'OB', BulkDataURI: 'http://pacs/private' },
    '00431029': { vr: 'OB', InlineBinary: 'AAEC' },
  };
}

const noBulk = () => Promise.reject(new Error('no bulk data expected'));

describe('instanceFile', () => {
  it('writes native frames as Explicit VR LE that parses and decodes to the samples', async () => {
    const meta = ctMeta(16);
    const samples = new Uint16Array([0, 1, 1024, 2000, 65535, 3]);
    const bytes = instanceFile(meta, await resolveDataSet(meta, noBulk), {
      transferSyntaxUid: '1.2.840.10008.1.2',
      frames: [new Uint8Array(samples.buffer)],
    });
    const parsed = parseInstance(bytes, 'pacs');
    if (!parsed.ok) throw new Error(parsed.error.reason);
    expect(parsed.meta.transferSyntaxUID).toBe('1.2.840.10008.1.2.1');
    expect(parsed.meta.patientName).toBe('Doe^Jane');
    expect(parsed.meta.instanceNumber).toBe(7);
    const frame = await decodeFrame(bytes, parsed.meta, 0);
    expect([...frame.values]).toEqual([...samples].map((s) => s - 1024));
  });

  it('swaps the samples of a big endian frame', async () => {
    const meta = ctMeta(16);
    const bytes = instanceFile(meta, await resolveDataSet(meta, noBulk), {
      transferSyntaxUid: '1.2.840.10008.1.2.2',
      frames: [new Uint8Array([0, 1, 4, 0, 0, 0, 0, 0, 0, 0, 0, 2])],
    });
    const parsed = parseInstance(bytes, 'pacs');
    if (!parsed.ok) throw new Error(parsed.error.reason);
    const frame = await decodeFrame(bytes, parsed.meta, 0);
    expect([...frame.values]).toEqual([1, 1024, 0, 0, 0, 2].map((s) => s - 1024));
  });

  it('keeps compressed frames encapsulated, one fragment each, in their syntax', async () => {
    const meta = { ...ctMeta(8), '00280008': { vr: 'IS', Value: [2] } };
    const frames = [new Uint8Array([1, 2, 3]), new Uint8Array([4, 5, 6, 7])];
    const bytes = instanceFile(meta, await resolveDataSet(meta, noBulk), {
      transferSyntaxUid: '1.2.840.10008.1.2.5',
      frames,
    });
    const parsed = parseInstance(bytes, 'pacs');
    if (!parsed.ok) throw new Error(parsed.error.reason);
    expect(parsed.meta.transferSyntaxUID).toBe('1.2.840.10008.1.2.5');
    expect(parsed.meta.frames).toBe(2);
    const layout = parsed.meta.pixelLayout;
    expect(layout?.pixels.kind).toBe('encapsulated');
  });

  it('refuses a syntax we cannot decode, in plain words', async () => {
    const meta = ctMeta(16);
    expect(() =>
      instanceFile(meta, {}, { transferSyntaxUid: '1.2.3.4', frames: [new Uint8Array(12)] }),
    ).toThrow('the PACS sent frames as 1.2.3.4, which Consilium cannot decode');
  });

  it('fetches the bulk data of standard elements only', async () => {
    const asked: string[] = [];
    const meta = {
      ...ctMeta(16),
      '00281201': { vr: 'OW', BulkDataURI: 'http://pacs/lut' },
    };
    const resolved = await resolveDataSet(meta, async (uri) => {
      asked.push(uri);
      return new Uint8Array([9, 9]);
    });
    expect(asked).toEqual(['http://pacs/lut']);
    expect(resolved['00091010']).toBeUndefined();
    expect(new Uint8Array(resolved['00281201'].Value![0] as ArrayBuffer)).toEqual(
      new Uint8Array([9, 9]),
    );
  });
});
