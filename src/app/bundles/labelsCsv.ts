// Ground truth from a CSV: a header naming a key column (accession number or study UID) and a
// label column; each row labels every loaded series of the matching study.
import type { PatientNode } from '../../core/dicom/types.ts';

export interface LabelsFromCsv {
  readonly labels: Record<string, string>;
  /** Rows whose key matched no loaded study. */
  readonly unmatched: number;
  readonly problem?: string;
}

const KEY_COLUMNS: Record<string, 'accession' | 'study'> = {
  accession: 'accession',
  accessionnumber: 'accession',
  studyuid: 'study',
  studyinstanceuid: 'study',
};

function cells(line: string): string[] {
  return line.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
}

export function labelsFromCsv(text: string, patients: readonly PatientNode[]): LabelsFromCsv {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = cells(lines[0] ?? '').map((h) => h.toLowerCase().replace(/[^a-z]/g, ''));
  const keyCol = header.findIndex((h) => h in KEY_COLUMNS);
  const labelCol = header.indexOf('label');
  if (keyCol < 0 || labelCol < 0)
    return {
      labels: {},
      unmatched: 0,
      problem: 'The CSV needs a header with "label" and "accession number" or "study UID".',
    };
  const kind = KEY_COLUMNS[header[keyCol]];
  const studies = patients.flatMap((p) => p.studies);
  const labels: Record<string, string> = {};
  let unmatched = 0;
  for (const line of lines.slice(1)) {
    const row = cells(line);
    const key = row[keyCol];
    const label = row[labelCol];
    if (!key || !label) continue;
    const hits = studies.filter((st) =>
      kind === 'accession' ? st.accessionNumber === key : st.studyInstanceUID === key,
    );
    if (hits.length === 0) unmatched++;
    for (const st of hits) for (const se of st.series) labels[se.seriesInstanceUID] = label;
  }
  return { labels, unmatched };
}
