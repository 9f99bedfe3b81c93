import { describe, expect, it } from 'vitest';
import type { InstanceMeta } from '../../core/dicom/types.ts';
import { useStore } from './store.ts';

const meta = (file: string, sop: string) =>
  ({
    file,
    sopInstanceUID: sop,
    seriesInstanceUID: '1.2',
    studyInstanceUID: '1',
    patientID: 'P',
    patientName: 'N',
    studyDate: '',
    instanceNumber: 1,
    seriesNumber: 1,
    imagePositionPatient: null,
    imageOrientationPatient: null,
    frames: 1,
  }) as unknown as InstanceMeta;

describe('duplicate instances', () => {
  it('are shown once and each dropped copy is listed with the file it duplicates', () => {
    const { addInstances } = useStore.getState();
    addInstances([meta('a/x.dcm', '9.1'), meta('a/y.dcm', '9.2')]);
    addInstances([meta('b/x-copy.dcm', '9.1'), meta('a/y.dcm', '9.2'), meta('b/z.dcm', '9.3')]);
    const s = useStore.getState();
    expect(s.instances.map((m) => m.file)).toEqual(['a/x.dcm', 'a/y.dcm', 'b/z.dcm']);
    expect(s.errors.map((e) => [e.code, e.file, e.reason])).toEqual([
      [
        'duplicate-instance',
        'b/x-copy.dcm',
        'the same instance (SOP Instance UID) as a/x.dcm: shown once',
      ],
      [
        'duplicate-instance',
        'a/y.dcm',
        'the same instance (SOP Instance UID) as a file already loaded with this name: shown once',
      ],
    ]);
  });
});
