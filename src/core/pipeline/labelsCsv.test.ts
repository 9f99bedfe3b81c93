import { describe, expect, it } from 'vitest';
import { labelsFromCsv, labelsSummary, type LabelledSeries } from './labelsCsv.ts';

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

  it('says what is missing when the header has no key column and no column matches', () => {
    const r = labelsFromCsv('name,label\nZ,normal\n', series);
    expect(r.labels).toEqual({});
    expect(r.problem).toMatch(/accession number/);
  });
});

// Radiographs: each its own series, all in one study (the 50 chest films).
const films: LabelledSeries[] = [1, 2, 3].map((k) => ({
  seriesInstanceUid: `9.1.${k}`,
  studyInstanceUid: '9.1',
  accessionNumber: 'ACC9',
  patientId: 'R',
  sopInstanceUids: [`9.1.${k}.1`],
  files: [`chest/film-${k}.dcm`],
}));

describe('labels CSV keyed by instance, file name, or a detected column', () => {
  it('keys by SOP Instance UID and reports each row', () => {
    const csv = 'SOPInstanceUID,label\n9.1.1.1,normal\n9.1.3.1,pneumonia\n9.9.9,normal\n';
    const r = labelsFromCsv(csv, films);
    expect(r.key).toBe('sop');
    expect(r.labels).toEqual({ '9.1.1': 'normal', '9.1.3': 'pneumonia' });
    expect(r.unmatched).toBe(1);
    expect(r.report.map((x) => [x.row, x.status, x.series])).toEqual([
      [2, 'matched', ['9.1.1']],
      [3, 'matched', ['9.1.3']],
      [4, 'no-match', []],
    ]);
    expect(labelsSummary(r)).toBe(
      '2 series labelled from 2 rows, keyed by SOP Instance UID; 1 rows matched no loaded series (rows 4).',
    );
  });

  it('keys by file name, matching base names whatever the folder', () => {
    const r = labelsFromCsv('file name,label\nC:\\export\\film-2.dcm,normal\n', films);
    expect(r.key).toBe('file');
    expect(r.labels).toEqual({ '9.1.2': 'normal' });
  });

  it('detects an unnamed key column by its values, and says so', () => {
    const r = labelsFromCsv('id,label,comment\n9.1.2.1,normal,x\n9.1.1.1,pneumonia,y\n', films);
    expect(r).toMatchObject({ key: 'sop', column: 'id', detected: true });
    expect(r.labels).toEqual({ '9.1.1': 'pneumonia', '9.1.2': 'normal' });
    expect(labelsSummary(r)).toContain('detected column "id" as SOP Instance UID');
  });

  it('refuses a study key that would give its series different labels (never last row wins)', () => {
    const csv = 'StudyInstanceUID,label\n9.1,normal\n9.1,pneumonia\n';
    const r = labelsFromCsv(csv, films);
    expect(r.labels).toEqual({});
    expect(r.problem).toMatch(
      /^Ambiguous labels by Study Instance UID: rows 2 and 3 give series 9\.1\.1/,
    );
  });

  it('accepts the same label given twice, and refuses a file name two series share', () => {
    expect(labelsFromCsv('sop uid,label\n9.1.1.1,a\n9.1.1.1,a\n', films).labels).toEqual({
      '9.1.1': 'a',
    });
    const twins = [
      ...films,
      { ...films[0], seriesInstanceUid: '9.2.1', files: ['other/film-1.dcm'] },
    ];
    const r = labelsFromCsv('filename,label\nfilm-1.dcm,a\n', twins);
    expect(r.problem).toMatch(/row 2: 2 loaded series have this file name/);
    expect(r.report[0].status).toBe('ambiguous');
  });
});
