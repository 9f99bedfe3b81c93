import { describe, expect, it } from 'vitest';
import type { PatientNode, StudyNode } from '../../core/dicom/types.ts';
import { studyRows } from './studyRows.ts';

const study = (uid: string, date: string, description: string, modality = 'CR'): StudyNode => ({
  studyInstanceUID: uid,
  studyDate: date,
  studyDescription: description,
  accessionNumber: `ACC${uid}`,
  series: [
    {
      seriesInstanceUID: `${uid}.1`,
      seriesNumber: 1,
      seriesDescription: `${description} series`,
      modality,
      instances: [],
    },
  ],
});

const patients: PatientNode[] = [
  { patientID: 'P2', patientName: 'Zhang^Wei', studies: [study('1', '20200101', 'Chest PA')] },
  {
    patientID: 'P1',
    patientName: 'Adams^Ann',
    studies: [study('2', '20230505', 'Head CT', 'CT'), study('3', '', 'Knee')],
  },
];

const kinds = (rows: ReturnType<typeof studyRows>['rows']) =>
  rows.map((r) =>
    r.kind === 'patient'
      ? `P ${r.patient.patientID}`
      : r.kind === 'study'
        ? `S ${r.study.studyInstanceUID}`
        : `s`,
  );

describe('studyRows', () => {
  it('sorts by patient name, newest study first within a patient', () => {
    expect(kinds(studyRows(patients, '', 'patient').rows)).toEqual([
      'P P1',
      'S 2',
      's',
      'S 3',
      's',
      'P P2',
      'S 1',
      's',
    ]);
  });

  it('sorts by date with undated studies last, repeating a patient header where it changes', () => {
    const list = studyRows(patients, '', 'date-desc');
    expect(kinds(list.rows)).toEqual(['P P1', 'S 2', 's', 'P P2', 'S 1', 's', 'P P1', 'S 3', 's']);
    expect(kinds(studyRows(patients, '', 'date-asc').rows).slice(0, 2)).toEqual(['P P2', 'S 1']);
  });

  it('searches every word across patient, study and series fields', () => {
    expect(studyRows(patients, 'adams ct', 'patient')).toMatchObject({ studies: 1, total: 3 });
    expect(studyRows(patients, 'ACC1', 'patient').studies).toBe(1);
    expect(studyRows(patients, 'wei chest', 'patient').studies).toBe(1);
    expect(studyRows(patients, 'nothing', 'patient').rows).toEqual([]);
  });

  it('lists 1,000 studies as 3,000 rows and finds one by patient name', () => {
    const many: PatientNode[] = Array.from({ length: 1000 }, (_, i) => ({
      patientID: `P${i}`,
      patientName: `Patient^${i}`,
      studies: [study(`9.${i}`, `2020${String((i % 12) + 1).padStart(2, '0')}01`, `Study ${i}`)],
    }));
    expect(studyRows(many, '', 'patient').rows).toHaveLength(3000);
    expect(studyRows(many, 'patient 737', 'date-desc').studies).toBe(1);
  });
});
