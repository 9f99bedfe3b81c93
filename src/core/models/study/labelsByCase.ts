// Labels for a study by case key: a CSV with a "caseKey" column (the bundles' pseudonymous case
// key) and a "label" column. Header names ignore case, spaces and punctuation.
import Papa from 'papaparse';
import { ProblemError } from '../../result.ts';

const normalised = (h: string) => h.toLowerCase().replace(/[^a-z]/g, '');

export function labelsByCase(text: string): Record<string, string> {
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' }).data;
  const header = (rows[0] ?? []).map(normalised);
  const key = header.indexOf('casekey');
  const label = header.indexOf('label');
  if (key < 0 || label < 0)
    throw new ProblemError(
      'STUDY_LABELS_HEADER',
      'The labels CSV needs a "caseKey" column and a "label" column in its header.',
      { header: (rows[0] ?? []).join(',') },
    );
  const out: Record<string, string> = {};
  for (const row of rows.slice(1)) {
    const k = row[key]?.trim();
    const l = row[label]?.trim();
    if (k && l) out[k] = l;
  }
  return out;
}
