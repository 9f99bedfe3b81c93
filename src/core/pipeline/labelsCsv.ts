// Ground truth from a CSV, one rule for the workbench and `consilium analyze` (docs/bundle-spec.md,
// "Ground-truth labels"). The header names a `label` column and at least one key column; the most
// specific key column present is used: Series Instance UID, then Study Instance UID, then
// Accession Number, then Patient ID. A row labels every loaded series its key matches (a study key
// labels all the study's series). Header names ignore case, spaces and punctuation.
import Papa from 'papaparse';

export type LabelKey = 'series' | 'study' | 'accession' | 'patient';

/** What a series offers to be matched by. */
export interface LabelledSeries {
  readonly seriesInstanceUid: string;
  readonly studyInstanceUid: string;
  readonly accessionNumber: string;
  readonly patientId: string;
}

export interface LabelsFromCsv {
  /** Label per series UID. */
  readonly labels: Record<string, string>;
  /** The key column used, when the header had one. */
  readonly key?: LabelKey;
  /** Rows whose key matched no series. */
  readonly unmatched: number;
  readonly problem?: string;
}

// Most specific first: the first of these the header has is the key.
const KEY_HEADERS: readonly [LabelKey, readonly string[]][] = [
  ['series', ['seriesinstanceuid', 'seriesuid']],
  ['study', ['studyinstanceuid', 'studyuid']],
  ['accession', ['accessionnumber', 'accession']],
  ['patient', ['patientid']],
];

const normalised = (h: string) => h.toLowerCase().replace(/[^a-z]/g, '');

function keyOf(s: LabelledSeries, key: LabelKey): string {
  if (key === 'series') return s.seriesInstanceUid;
  if (key === 'study') return s.studyInstanceUid;
  if (key === 'accession') return s.accessionNumber;
  return s.patientId;
}

export function labelsFromCsv(text: string, series: readonly LabelledSeries[]): LabelsFromCsv {
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' }).data;
  const header = (rows[0] ?? []).map(normalised);
  const labelCol = header.indexOf('label');
  let key: LabelKey | undefined;
  let keyCol = -1;
  for (const [k, names] of KEY_HEADERS) {
    keyCol = header.findIndex((h) => names.includes(h));
    if (keyCol >= 0) {
      key = k;
      break;
    }
  }
  if (!key || labelCol < 0)
    return {
      labels: {},
      unmatched: 0,
      problem:
        'The CSV needs a header with "label" and one of "series UID", "study UID", "accession number" or "patient ID".',
    };
  const byKey = new Map<string, string[]>();
  for (const s of series) {
    const k = keyOf(s, key);
    if (k) byKey.set(k, [...(byKey.get(k) ?? []), s.seriesInstanceUid]);
  }
  const labels: Record<string, string> = {};
  let unmatched = 0;
  for (const row of rows.slice(1)) {
    const k = row[keyCol]?.trim();
    const label = row[labelCol]?.trim();
    if (!k || !label) continue;
    const hits = byKey.get(k);
    if (!hits) unmatched++;
    for (const uid of hits ?? []) labels[uid] = label;
  }
  return { labels, key, unmatched };
}
