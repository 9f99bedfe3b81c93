// Ground truth from a CSV, one rule for the workbench and `consilium analyze` (docs/bundle-spec.md,
// "Ground-truth labels"). The header names a `label` column and a key column: SOP Instance UID,
// Series Instance UID, file name, Study Instance UID, Accession Number or Patient ID (header names
// ignore case, spaces and punctuation); with several, the most specific is used, in that order.
// A header with none of those names still works when one column's values match the loaded files:
// the column whose values match the most series is detected and said so.
//
// A row labels every loaded series its key matches (a study key labels all the study's series;
// a SOP UID or file name labels the series that holds the instance). A key that gives one series
// two different labels (the same key in two rows, or two instances of one series) is an error
// naming the rows, never "last row wins"; so is a file name that two loaded series share. The
// report says, row by row, which series each row matched, or why it matched none.
import Papa from 'papaparse';

export type LabelKey = 'sop' | 'series' | 'file' | 'study' | 'accession' | 'patient';

/** What a series offers to be matched by. */
export interface LabelledSeries {
  readonly seriesInstanceUid: string;
  readonly studyInstanceUid: string;
  readonly accessionNumber: string;
  readonly patientId: string;
  /** Its instances' SOP Instance UIDs, where known. */
  readonly sopInstanceUids?: readonly string[];
  /** Its files (paths or names), where known: matched by base name. */
  readonly files?: readonly string[];
}

/** One data row of the CSV: what it matched (series UIDs), or why it matched nothing. */
export interface LabelRowReport {
  /** 1-based line of the row in the CSV (the header is row 1). */
  readonly row: number;
  readonly key: string;
  readonly label: string;
  readonly series: readonly string[];
  readonly status: 'matched' | 'no-match' | 'empty' | 'ambiguous';
  readonly reason?: string;
}

export interface LabelsFromCsv {
  /** Label per series UID (empty when the CSV has an ambiguous key). */
  readonly labels: Record<string, string>;
  /** The key column used, when the header had one or one was detected. */
  readonly key?: LabelKey;
  /** The key column's header as written. */
  readonly column?: string;
  /** True when the key column was recognised by its values rather than its header. */
  readonly detected?: boolean;
  /** Rows whose key matched no series. */
  readonly unmatched: number;
  readonly report: readonly LabelRowReport[];
  readonly problem?: string;
}

export const labelKeyNames: Record<LabelKey, string> = {
  sop: 'SOP Instance UID',
  series: 'Series Instance UID',
  file: 'file name',
  study: 'Study Instance UID',
  accession: 'accession number',
  patient: 'patient ID',
};

// Most specific first: the first of these the header has is the key.
const KEY_HEADERS: readonly [LabelKey, readonly string[]][] = [
  ['sop', ['sopinstanceuid', 'sopuid', 'instanceuid', 'sopinstance']],
  ['series', ['seriesinstanceuid', 'seriesuid']],
  ['file', ['file', 'filename', 'path', 'filepath']],
  ['study', ['studyinstanceuid', 'studyuid']],
  ['accession', ['accessionnumber', 'accession']],
  ['patient', ['patientid']],
];

const normalised = (h: string) => h.toLowerCase().replace(/[^a-z]/g, '');
const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

function keysOf(s: LabelledSeries, key: LabelKey): readonly string[] {
  if (key === 'sop') return s.sopInstanceUids ?? [];
  if (key === 'series') return [s.seriesInstanceUid];
  if (key === 'file') return (s.files ?? []).map(baseName);
  if (key === 'study') return [s.studyInstanceUid];
  if (key === 'accession') return [s.accessionNumber];
  return [s.patientId];
}

/** Key value → the series it names (a file name two series share names both). */
function index(series: readonly LabelledSeries[], key: LabelKey): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const s of series)
    for (const k of new Set(keysOf(s, key))) {
      if (!k) continue;
      const list = byKey.get(k);
      if (list) list.push(s.seriesInstanceUid);
      else byKey.set(k, [s.seriesInstanceUid]);
    }
  return byKey;
}

const cellKey = (key: LabelKey, cell: string | undefined) => {
  const v = cell?.trim() ?? '';
  return key === 'file' ? baseName(v) : v;
};

/** The column (not the label's) whose values name the most series, and by which key. */
function detectColumn(
  rows: string[][],
  labelCol: number,
  series: readonly LabelledSeries[],
): { col: number; key: LabelKey } | undefined {
  let best: { col: number; key: LabelKey; hits: number } | undefined;
  const width = Math.max(0, ...rows.map((r) => r.length));
  for (const [key] of KEY_HEADERS) {
    const byKey = index(series, key);
    for (let col = 0; col < width; col++) {
      if (col === labelCol) continue;
      const hits = rows.slice(1).filter((r) => byKey.has(cellKey(key, r[col]))).length;
      if (hits > 0 && (!best || hits > best.hits)) best = { col, key, hits };
    }
  }
  return best && { col: best.col, key: best.key };
}

function failed(problem: string, report: LabelRowReport[] = [], key?: LabelKey): LabelsFromCsv {
  return { labels: {}, unmatched: 0, report, problem, ...(key ? { key } : {}) };
}

export function labelsFromCsv(text: string, series: readonly LabelledSeries[]): LabelsFromCsv {
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' }).data;
  const written = rows[0] ?? [];
  const header = written.map(normalised);
  const labelCol = header.indexOf('label');
  if (labelCol < 0)
    return failed(
      'The CSV needs a header with "label" and a key column: SOP Instance UID, series UID, file name, study UID, accession number or patient ID.',
    );
  let key: LabelKey | undefined;
  let keyCol = -1;
  let detected = false;
  for (const [k, names] of KEY_HEADERS) {
    keyCol = header.findIndex((h) => names.includes(h));
    if (keyCol >= 0) {
      key = k;
      break;
    }
  }
  if (!key) {
    const found = detectColumn(rows, labelCol, series);
    if (!found)
      return failed(
        'The CSV has no key column: name one "SOP Instance UID", "series UID", "file name", "study UID", "accession number" or "patient ID" (no column\'s values match the loaded files either).',
      );
    ({ col: keyCol, key } = found);
    detected = true;
  }
  const byKey = index(series, key);
  const report: LabelRowReport[] = [];
  // Which row gave each series its label, to catch two rows labelling one series differently.
  const given = new Map<string, { label: string; row: number }>();
  const conflicts: string[] = [];
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const k = cellKey(key, cells[keyCol]);
    const label = cells[labelCol]?.trim() ?? '';
    if (!k || !label) {
      report.push({ row, key: k, label, series: [], status: 'empty', reason: 'no key or label' });
      return;
    }
    const hits = byKey.get(k) ?? [];
    if (hits.length === 0) {
      const reason = `no loaded series has this ${labelKeyNames[key]}`;
      report.push({ row, key: k, label, series: [], status: 'no-match', reason });
      return;
    }
    if ((key === 'file' || key === 'sop') && hits.length > 1) {
      const reason = `${hits.length} loaded series have this ${labelKeyNames[key]}`;
      report.push({ row, key: k, label, series: hits, status: 'ambiguous', reason });
      conflicts.push(`row ${row}: ${reason}`);
      return;
    }
    report.push({ row, key: k, label, series: hits, status: 'matched' });
    for (const uid of hits) {
      const before = given.get(uid);
      if (before && before.label !== label)
        conflicts.push(
          `rows ${before.row} and ${row} give series ${uid} two labels ("${before.label}", "${label}")`,
        );
      else if (!before) given.set(uid, { label, row });
    }
  });
  if (conflicts.length > 0) {
    const shown = conflicts.slice(0, 5).join('; ');
    const more = conflicts.length > 5 ? ` (and ${conflicts.length - 5} more)` : '';
    return failed(
      `Ambiguous labels by ${labelKeyNames[key]}: ${shown}${more}. Key each row by something that names one series (e.g. SOP Instance UID or series UID); no labels were applied.`,
      report,
      key,
    );
  }
  const labels: Record<string, string> = {};
  for (const [uid, g] of given) labels[uid] = g.label;
  return {
    labels,
    key,
    column: written[keyCol]?.trim() ?? '',
    ...(detected ? { detected } : {}),
    unmatched: report.filter((r) => r.status === 'no-match').length,
    report,
  };
}

/** One line for a person: what was labelled by which column, and what did not match. */
export function labelsSummary(r: LabelsFromCsv): string {
  if (r.problem) return r.problem;
  const by = r.key ? labelKeyNames[r.key] : 'key';
  const how = r.detected ? `detected column "${r.column}" as ${by}` : `keyed by ${by}`;
  const matched = r.report.filter((x) => x.status === 'matched').length;
  const unmatched = r.report.filter((x) => x.status === 'no-match');
  const rows = unmatched
    .slice(0, 5)
    .map((x) => x.row)
    .join(', ');
  const tail = unmatched.length
    ? `; ${unmatched.length} rows matched no loaded series (rows ${rows}${unmatched.length > 5 ? ', …' : ''})`
    : '';
  return `${Object.keys(r.labels).length} series labelled from ${matched} rows, ${how}${tail}.`;
}
