// A study table (pooled bundles) as training data: two labels, every case labelled. The positive
// label is the second in sorted order unless one is named, as `consilium train` chooses it.
import { ProblemError } from '../../result.ts';
import type { StudyTable } from '../study/studyTable.ts';
import type { StudyData } from '../validation/crossValidate.ts';

export interface TableStudy extends StudyData {
  /** Label names for 0 and 1. */
  readonly labels: readonly [string, string];
}

export function studyDataOfTable(table: StudyTable, positiveLabel?: string): TableStudy {
  const unlabelled = table.rows.filter((r) => r.label === undefined).length;
  if (unlabelled > 0)
    throw new ProblemError(
      'label-missing',
      `${unlabelled} of ${table.rows.length} cases have no label; every case needs one to train on.`,
      { unlabelled, cases: table.rows.length },
    );
  const names = [...new Set(table.rows.map((r) => r.label as string))].sort();
  if (names.length !== 2)
    throw new ProblemError(
      names.length < 2 ? 'single-class' : 'label-classes',
      `A two-class model needs exactly two labels; the study has ${names.length} (${names.join(', ')}).`,
      { labels: names.join(', ') },
    );
  const positive = positiveLabel ?? names[1];
  const negative = names.find((l) => l !== positive) ?? names[0];
  const centerNames = [...new Set(table.rows.map((r) => r.center))].sort();
  const n = table.rows.length;
  const p = table.features.length;
  const x = new Float64Array(n * p);
  table.rows.forEach((r, i) => x.set(r.values, i * p));
  return {
    x: { rows: n, cols: p, data: x },
    y: Uint8Array.from(table.rows, (r) => (r.label === positive ? 1 : 0)),
    centers: Int32Array.from(table.rows, (r) => centerNames.indexOf(r.center)),
    centerNames,
    labels: [negative, positive],
  };
}
