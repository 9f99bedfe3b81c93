// A study table CSV as training data: `consilium study --out study.csv` (caseKey, center, roi,
// label, then "name [CODE]" per feature) or any CSV with case, center and label columns and one
// column per feature. Exactly two labels; a missing or non-numeric value is refused with its
// case and column, never imputed.
import Papa from 'papaparse';
import { ProblemError } from '../../result.ts';
import type { StudyData } from './crossValidate.ts';

export interface StudyFeatureName {
  readonly name: string;
  /** IBSI code when the header carries one ("name [CODE]"). */
  readonly ibsi?: string;
}

export interface TrainingStudy extends StudyData {
  readonly caseKeys: readonly string[];
  readonly features: readonly StudyFeatureName[];
  /** Label names for 0 and 1. */
  readonly labels: readonly [string, string];
}

const KEY_COLUMNS = ['casekey', 'case', 'case_key', 'caseid', 'id'];
const SKIP_COLUMNS = ['roi'];

function featureName(header: string): StudyFeatureName {
  const m = /^(.*\S)\s*\[([0-9A-Z]{4})\]$/.exec(header.trim());
  if (m) return { name: m[1], ibsi: m[2] };
  return /^[0-9A-Z]{4}$/.test(header.trim())
    ? { name: header.trim(), ibsi: header.trim() }
    : { name: header.trim() };
}

export function parseStudyCsv(text: string, positiveLabel?: string): TrainingStudy {
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' }).data;
  const header = rows[0]?.map((h) => h.trim()) ?? [];
  const lower = header.map((h) => h.toLowerCase());
  const keyAt = lower.findIndex((h) => KEY_COLUMNS.includes(h));
  const centerAt = lower.indexOf('center');
  const labelAt = lower.indexOf('label');
  if (keyAt < 0 || centerAt < 0 || labelAt < 0)
    throw new ProblemError(
      'study-columns',
      'The study CSV needs a case column (caseKey or case), a center column and a label column.',
      { header: header.join(',') },
    );
  const featureAt = header
    .map((_, j) => j)
    .filter(
      (j) => j !== keyAt && j !== centerAt && j !== labelAt && !SKIP_COLUMNS.includes(lower[j]),
    );
  if (featureAt.length === 0)
    throw new ProblemError('study-columns', 'The study CSV has no feature columns.', {});
  const body = rows.slice(1);
  const labelNames = [...new Set(body.map((r) => (r[labelAt] ?? '').trim()))].sort();
  if (labelNames.includes(''))
    throw new ProblemError('label-missing', 'Every case needs a label to train on.', {
      case: body.find((r) => !(r[labelAt] ?? '').trim())?.[keyAt] ?? '',
    });
  if (labelNames.length !== 2)
    throw new ProblemError(
      labelNames.length < 2 ? 'single-class' : 'label-classes',
      `A two-class model needs exactly two labels; the study has ${labelNames.length} (${labelNames.join(', ')}).`,
      { labels: labelNames.join(',') },
    );
  const positive = positiveLabel ?? labelNames[1];
  if (!labelNames.includes(positive))
    throw new ProblemError(
      'label-unknown',
      `The positive label "${positive}" is not in the study.`,
      {
        labels: labelNames.join(','),
      },
    );
  const negative = labelNames.find((l) => l !== positive)!;
  const n = body.length;
  const p = featureAt.length;
  const x = new Float64Array(n * p);
  const y = new Uint8Array(n);
  const centerNames: string[] = [];
  const centers = new Int32Array(n);
  body.forEach((r, i) => {
    const center = (r[centerAt] ?? '').trim();
    let c = centerNames.indexOf(center);
    if (c < 0) c = centerNames.push(center) - 1;
    centers[i] = c;
    y[i] = r[labelAt].trim() === positive ? 1 : 0;
    featureAt.forEach((col, j) => {
      const text = (r[col] ?? '').trim();
      const v = text === '' ? NaN : Number(text);
      if (!Number.isFinite(v))
        throw new ProblemError(
          'non-finite',
          `Case "${r[keyAt]}" has no number for feature "${header[col]}" ("${text}").`,
          { case: r[keyAt] ?? '', feature: header[col], row: i + 2 },
        );
      x[i * p + j] = v;
    });
  });
  return {
    x: { rows: n, cols: p, data: x },
    y,
    centers,
    centerNames,
    caseKeys: body.map((r) => r[keyAt]),
    features: featureAt.map((j) => featureName(header[j])),
    labels: [negative, positive],
  };
}
