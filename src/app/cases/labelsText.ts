// The labels CSV reader's outcome in the reader's language. Core words its summary in English
// (for the CLI); the page builds the same sentences from the report's fields instead.
import type { TFunction } from 'i18next';
import type { LabelRowReport, LabelsFromCsv } from '../../core/pipeline/labelsCsv.ts';

const keyName = (t: TFunction, key: string | undefined) => t(`cases:labels.key.${key ?? 'any'}`);

/** Core's problem sentence, recognised by how it starts; any other stays as core wrote it. */
function problemWords(r: LabelsFromCsv, t: TFunction): string {
  const problem = r.problem ?? '';
  if (problem.startsWith('The CSV needs a header')) return t('cases:labels.needsHeader');
  if (problem.startsWith('The CSV has no key column')) return t('cases:labels.noKeyColumn');
  if (problem.startsWith('Ambiguous labels')) {
    const rows = r.report.filter((x) => x.status === 'ambiguous').map((x) => x.row);
    return t('cases:labels.ambiguous', {
      key: keyName(t, r.key),
      rows: rows.length ? rows.slice(0, 5).join(', ') : '–',
    });
  }
  return problem;
}

/** One line: how many series were labelled from how many rows, by which column, what missed. */
export function labelsSummaryText(r: LabelsFromCsv, t: TFunction): string {
  if (r.problem) return problemWords(r, t);
  const by = keyName(t, r.key);
  const how = r.detected
    ? t('cases:labels.detected', { column: r.column, key: by })
    : t('cases:labels.keyedBy', { key: by });
  const matched = r.report.filter((x) => x.status === 'matched').length;
  const unmatched = r.report.filter((x) => x.status === 'no-match');
  const rows = unmatched
    .slice(0, 5)
    .map((x) => x.row)
    .join(', ');
  const tail = unmatched.length
    ? t('cases:labels.unmatched', {
        count: unmatched.length,
        rows: unmatched.length > 5 ? `${rows}, …` : rows,
      })
    : '';
  return t('cases:labels.summary', {
    series: Object.keys(r.labels).length,
    rows: matched,
    how,
    tail,
  });
}

/** Why one row was not applied. */
export function rowReason(r: LabelRowReport, key: string | undefined, t: TFunction): string {
  switch (r.status) {
    case 'empty':
      return t('cases:labels.rowEmpty');
    case 'no-match':
      return t('cases:labels.rowNoMatch', { key: keyName(t, key) });
    case 'ambiguous':
      return t('cases:labels.rowAmbiguous', { count: r.series.length, key: keyName(t, key) });
    default:
      return r.reason ?? '';
  }
}
