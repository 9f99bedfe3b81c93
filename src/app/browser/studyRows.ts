// The study list as flat rows (patient header, study header, series), searched and sorted, so
// the browser can virtualize it: 1,000 studies are ~3,000 rows of which ~30 are in the DOM.
import type { PatientNode, SeriesNode, StudyNode } from '../../core/dicom/types.ts';

export type StudySort = 'patient' | 'date-desc' | 'date-asc' | 'description';

export type StudyRow =
  | { kind: 'patient'; key: string; patient: PatientNode }
  | { kind: 'study'; key: string; study: StudyNode }
  | { kind: 'series'; key: string; series: SeriesNode };

interface Entry {
  patient: PatientNode;
  study: StudyNode;
  /** Everything a search may match, lower-cased once. */
  text: string;
}

const patientName = (p: PatientNode) => p.patientName.replace(/\^/g, ' ').trim();

function entriesOf(patients: readonly PatientNode[]): Entry[] {
  return patients.flatMap((patient) =>
    patient.studies.map((study) => ({
      patient,
      study,
      text: [
        patientName(patient),
        patient.patientID,
        study.studyDescription,
        study.studyDate,
        study.accessionNumber,
        study.studyInstanceUID,
        ...study.series.flatMap((s) => [s.modality, s.seriesDescription]),
      ]
        .join('\u0000')
        .toLowerCase(),
    })),
  );
}

// One collator for the whole sort: localeCompare with options builds one per call.
const byText = new Intl.Collator(undefined, { numeric: true }).compare;

const compare: Record<StudySort, (a: Entry, b: Entry) => number> = {
  patient: (a, b) =>
    byText(patientName(a.patient), patientName(b.patient)) ||
    byText(a.patient.patientID, b.patient.patientID) ||
    byText(b.study.studyDate, a.study.studyDate),
  // Studies without a date sort last either way.
  'date-desc': (a, b) =>
    (!a.study.studyDate ? 1 : 0) - (!b.study.studyDate ? 1 : 0) ||
    byText(b.study.studyDate, a.study.studyDate),
  'date-asc': (a, b) =>
    (!a.study.studyDate ? 1 : 0) - (!b.study.studyDate ? 1 : 0) ||
    byText(a.study.studyDate, b.study.studyDate),
  description: (a, b) => byText(a.study.studyDescription, b.study.studyDescription),
};

export interface StudyList {
  rows: StudyRow[];
  studies: number;
  total: number;
}

/** Every word of the query must appear in the study (patient, study, series fields). */
export function studyRows(
  patients: readonly PatientNode[],
  query: string,
  sort: StudySort,
): StudyList {
  const all = entriesOf(patients);
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = all.filter((e) => words.every((w) => e.text.includes(w)));
  // A stable sort keeps the index's order among equals.
  shown.sort(compare[sort]);
  const rows: StudyRow[] = [];
  let lastPatient: PatientNode | null = null;
  for (const e of shown) {
    // The patient's header again wherever the order moves to another patient.
    if (e.patient !== lastPatient)
      rows.push({
        kind: 'patient',
        key: `p:${rows.length}:${e.patient.patientID}`,
        patient: e.patient,
      });
    lastPatient = e.patient;
    rows.push({ kind: 'study', key: `st:${e.study.studyInstanceUID}`, study: e.study });
    for (const s of e.study.series)
      rows.push({ kind: 'series', key: `se:${s.seriesInstanceUID}`, series: s });
  }
  return { rows, studies: shown.length, total: all.length };
}
