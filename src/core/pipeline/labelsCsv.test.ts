import { describe, expect, it } from 'vitest';
import { labelsFromCsv, type LabelledSeries } from './labelsCsv.ts';

const series: LabelledSeries[] = [
  {
    seriesInstanceUid: '1.2.3.1',
    studyInstanceUid: '1.2.3',
    accessionNumber: 'ACC1',
    patientId: 'P',
  },
  {
    seriesInstanceUid: '1.2.3.2',
    studyInstanceUid: '1.2.3',
    accessionNumber: 'ACC1',
    patientId: 'P',
  },
  {
    seriesInstanceUid: '1.2.4.1',
    studyInstanceUid: '1.2.4',
    accessionNumber: 'ACC2',
    patientId: 'P',
  },
  { seriesInstanceUid: '1.2.5.1', studyInstanceUid: '1.2.5', accessionNumber: '', patientId: 'Q' },
];

describe('labels CSV: one rule for the workbench and the CLI', () => {
  it('labels every series of the study named by accession number', () => {
    const r = labelsFromCsv('Accession Number,label\nACC1,pneumonia\nACC9,normal\n', series);
    expect(r.key).toBe('accession');
    expect(r.labels).toEqual({ '1.2.3.1': 'pneumonia', '1.2.3.2': 'pneumonia' });
    expect(r.unmatched).toBe(1);
  });

  it('accepts study UIDs, quoted cells, a byte-order mark and CRLF', () => {
    const r = labelsFromCsv('\uFEFF"StudyInstanceUID","Label"\r\n"1.2.4","normal"\r\n', series);
    expect(r.labels).toEqual({ '1.2.4.1': 'normal' });
  });

  it('keys by patient ID, as `consilium analyze --labels` always did', () => {
    const r = labelsFromCsv('patientId,label\nQ,pneumonia\nP,normal\n', series);
    expect(r.key).toBe('patient');
    expect(r.labels).toEqual({
      '1.2.3.1': 'normal',
      '1.2.3.2': 'normal',
      '1.2.4.1': 'normal',
      '1.2.5.1': 'pneumonia',
    });
  });

  it('uses the most specific key column when several are present', () => {
    const csv = 'patient_id,series_uid,label\nP,1.2.3.2,"normal, confirmed"\n';
    const r = labelsFromCsv(csv, series);
    expect(r.key).toBe('series');
    expect(r.labels).toEqual({ '1.2.3.2': 'normal, confirmed' });
  });

  it('says what is missing when the header has no key column', () => {
    const r = labelsFromCsv('name,label\nP,normal\n', series);
    expect(r.labels).toEqual({});
    expect(r.problem).toMatch(/accession number/);
  });
});
