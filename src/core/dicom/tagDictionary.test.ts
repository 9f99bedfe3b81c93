import { describe, expect, it } from 'vitest';
import { dumpTags } from './dumpTags.ts';
import { imageHeader, writeDicom } from './testing/writeDicom.ts';
import { tagInfo } from './tagDictionary.ts';

describe('tagInfo', () => {
  it('names standard tags beyond the short list, repeating groups and rule-named tags', () => {
    expect(tagInfo('(0018,9073)')?.keyword).toBe('AcquisitionDuration');
    expect(tagInfo('(0040,A730)')).toMatchObject({ keyword: 'ContentSequence', vr: 'SQ' });
    expect(tagInfo('(0002,0000)')?.keyword).toBe('FileMetaInformationGroupLength');
    expect(tagInfo('(0008,0000)')).toMatchObject({ keyword: 'GroupLength', retired: true });
    expect(tagInfo('(6002,3000)')?.keyword).toBe('OverlayData');
    expect(tagInfo('(5004,0005)')).toMatchObject({ keyword: 'CurveDimensions', retired: true });
    expect(tagInfo('(0029,0010)')?.keyword).toBe('PrivateCreator');
    expect(tagInfo('(0029,1010)')).toBeUndefined();
    expect(tagInfo('nonsense')).toBeUndefined();
  });

  it('names every element of a file whose tags the short list lacks', () => {
    const bytes = writeDicom([
      ...imageHeader(2, 2, 16, false),
      { tag: [0x0008, 0x0070], vr: 'LO', value: 'ACME' },
      { tag: [0x0018, 0x1020], vr: 'LO', value: 'v1' }, // SoftwareVersions
      { tag: [0x0018, 0x5101], vr: 'CS', value: 'PA' }, // ViewPosition
      { tag: [0x0020, 0x0020], vr: 'CS', value: 'L\\F' }, // PatientOrientation
      { tag: [0x0028, 0x2110], vr: 'CS', value: '00' }, // LossyImageCompression
      { tag: [0x7fe0, 0x0010], vr: 'OW', value: [1, 2, 3, 4] },
    ]);
    const rows = dumpTags(bytes);
    expect(rows.length).toBeGreaterThan(10);
    const unnamed = rows.filter((r) => !tagInfo(r.tag));
    expect(unnamed.map((r) => r.tag)).toEqual([]);
    expect(tagInfo('(0018,5101)')?.keyword).toBe('ViewPosition');
  });
});
