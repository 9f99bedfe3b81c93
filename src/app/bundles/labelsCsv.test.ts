import { describe, expect, it } from 'vitest';
import type { PatientNode, SeriesNode } from '../../core/dicom/types.ts';
import { labelsFromCsv } from './labelsCsv.ts';

const series = (uid: string) => ({ seriesInstanceUID: uid }) as SeriesNode;
const patients = [
  {
    patientID: 'P',
    patientName: 'X',
    studies: [
      {
        studyInstanceUID: '1.2.3',
        studyDate: '',
        studyDescription: '',
        accessionNumber: 'ACC1',
        series: [series('1.2.3.1'), series('1.2.3.2')],
      },
      {
        studyInstanceUID: '1.2.4',
        studyDate: '',
        studyDescription: '',
        accessionNumber: 'ACC2',
        series: [series('1.2.4.1')],
      },
    ],
  },
] as PatientNode[];

describe('labelsFromCsv', () => {
  it('labels every series of the study named by accession number', () => {
    const r = labelsFromCsv('Accession Number,label\nACC1,pneumonia\nACC9,normal\n', patients);
    expect(r.labels).toEqual({ '1.2.3.1': 'pneumonia', '1.2.3.2': 'pneumonia' });
    expect(r.unmatched).toBe(1);
  });

  it('accepts study UIDs, quoted cells and CRLF', () => {
    const r = labelsFromCsv('"StudyInstanceUID","Label"\r\n"1.2.4","normal"\r\n', patients);
    expect(r.labels).toEqual({ '1.2.4.1': 'normal' });
  });

  it('says what is missing when the header has no key column', () => {
    const r = labelsFromCsv('patient,label\nP,normal\n', patients);
    expect(r.labels).toEqual({});
    expect(r.problem).toMatch(/accession number/);
  });
});
