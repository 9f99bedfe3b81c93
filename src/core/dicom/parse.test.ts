import { describe, expect, it } from 'vitest';
import { parseInstance } from './parse.ts';
import { imageHeader, writeDicom } from './testing/writeDicom.ts';

const pixels16 = (values: number[]) => ({
  tag: [0x7fe0, 0x0010] as [number, number],
  vr: 'OW',
  value: values,
});

describe('parseInstance', () => {
  it('reads rows, columns, rescale and transfer syntax from a 2x2 CT', () => {
    const bytes = writeDicom([
      ...imageHeader(2, 2, 16, true),
      { tag: [0x0028, 0x1052], vr: 'DS', value: '-1024' },
      { tag: [0x0028, 0x1053], vr: 'DS', value: '1' },
      pixels16([0, 1, 2, 3]),
    ]);
    const result = parseInstance(bytes, 'ct.dcm');
    if (!result.ok) throw new Error(result.error.reason);
    expect(result.meta).toMatchObject({
      rows: 2,
      columns: 2,
      rescaleIntercept: -1024,
      modality: 'CT',
    });
    expect(result.meta.transferSyntaxUID).toBe('1.2.840.10008.1.2.1');
  });

  it('rejects a file that is not DICOM, saying so', () => {
    const result = parseInstance(new TextEncoder().encode('%PDF-1.7 not an image at all'), 'a.pdf');
    expect(result).toMatchObject({ ok: false, error: { code: 'not-dicom', file: 'a.pdf' } });
  });

  it('reports truncated pixel data with the byte counts', () => {
    const bytes = writeDicom([...imageHeader(4, 4, 16, false), pixels16([1, 2, 3, 4, 5, 6])]);
    const result = parseInstance(bytes, 'cut.dcm');
    expect(result).toMatchObject({ ok: false, error: { code: 'truncated' } });
    if (!result.ok) expect(result.error.reason).toContain('12 bytes where the image needs 32');
  });

  it('says a structured report contains no image', () => {
    const bytes = writeDicom([
      { tag: [0x0008, 0x0018], vr: 'UI', value: '1.2.3' },
      { tag: [0x0008, 0x0060], vr: 'CS', value: 'SR' },
    ]);
    const result = parseInstance(bytes, 'sr.dcm');
    expect(result).toMatchObject({ ok: false, error: { code: 'no-pixel-data' } });
    if (!result.ok) expect(result.error.reason).toContain('structured report');
  });

  it('names an unsupported transfer syntax', () => {
    const bytes = writeDicom(
      [...imageHeader(2, 2, 8, false), pixels16([0, 0])],
      '1.2.840.10008.1.2.4.102',
    );
    const result = parseInstance(bytes, 'video.dcm');
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported-transfer-syntax' } });
    if (!result.ok) expect(result.error.reason).toContain('H.264');
  });

  it('reads a data set without preamble or meta as implicit VR little endian', () => {
    // (0028,0010) Rows = 3, (0028,0011) Columns = 5, implicit VR: tag, 4-byte length, value.
    const bytes = new Uint8Array([
      0x28, 0, 0x10, 0, 2, 0, 0, 0, 3, 0, 0x28, 0, 0x11, 0, 2, 0, 0, 0, 5, 0,
    ]);
    const result = parseInstance(bytes, 'raw.dcm');
    // It parses as DICOM (no image, so the error is about pixels, not about the format).
    expect(result).toMatchObject({ ok: false, error: { code: 'no-pixel-data' } });
  });
});
