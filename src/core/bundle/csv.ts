import type { FeatureResult, PredictionResult } from './types';

// The bundle's CSVs are views of manifest.json: each is a table computed from the results, which
// the writer prints and the reader (csvCheck.ts) compares cell by cell. RFC 4180, LF line ends.

export type CsvValue = string | number | null | undefined;

export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly CsvValue[])[];
}

// What a spreadsheet may run as a formula: = + - @, tab, CR, LF, and their full-width forms.
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;
// A number as our writer prints it (ECMAScript Number#toString) or as RFC 8259 writes it.
const PLAIN_NUMBER = /^-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

/** A cell that a spreadsheet would run as a formula: starts like one and is not a plain number. */
export function isFormulaLike(cell: string): boolean {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell);
}

export function isPlainNumber(cell: string): boolean {
  return PLAIN_NUMBER.test(cell);
}

/**
 * A cell's text before quoting. User text (center, ROI, label, model and class names) that starts
 * like a formula gets a leading apostrophe, so no spreadsheet runs it; numbers are the shortest
 * text that reads back to the same double; missing and non-finite values are empty.
 */
export function cellText(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A cell as written: quoted when it holds a comma, a quote or a line break. */
export function csvCell(value: CsvValue): string {
  const s = cellText(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderCsv(table: CsvTable): string {
  return [table.header, ...table.rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

function keyOrder(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

const keyCols = (r: FeatureResult | PredictionResult) => [
  r.caseKey,
  r.studyKey ?? '',
  r.seriesKey ?? '',
  r.instanceKey ?? '',
];

/** One row per ROI; one column per feature, headed "IBSI name [CODE]", sorted by code. */
export function featuresTable(results: readonly FeatureResult[]): CsvTable {
  const names = new Map<string, string>();
  for (const r of results)
    for (const f of r.features) if (!names.has(f.code)) names.set(f.code, f.name);
  const codes = [...names.keys()].sort();
  const withLabel = results.some((r) => r.label !== undefined);
  const sorted = [...results].sort((a, b) =>
    keyOrder([...keyCols(a), a.roi, a.paramsHash], [...keyCols(b), b.roi, b.paramsHash]),
  );
  const header = [
    'caseKey',
    'studyKey',
    'seriesKey',
    'instanceKey',
    'roi',
    'paramsHash',
    ...(withLabel ? ['label'] : []),
    ...codes.map((c) => `${names.get(c)} [${c}]`),
  ];
  const rows = sorted.map((r) => {
    const byCode = new Map(r.features.map((f) => [f.code, f.value]));
    return [
      ...keyCols(r),
      r.roi,
      r.paramsHash,
      ...(withLabel ? [r.label] : []),
      ...codes.map((c) => byCode.get(c)),
    ];
  });
  return { header, rows };
}

/** One row per case and model; one probability column per class label, sorted. */
export function predictionsTable(results: readonly PredictionResult[]): CsvTable {
  const labels = [...new Set(results.flatMap((r) => Object.keys(r.probabilities)))].sort();
  const withLabel = results.some((r) => r.label !== undefined);
  const sorted = [...results].sort((a, b) =>
    keyOrder(
      [...keyCols(a), a.model.name, a.model.version, a.model.sha256],
      [...keyCols(b), b.model.name, b.model.version, b.model.sha256],
    ),
  );
  const header = [
    'caseKey',
    'studyKey',
    'seriesKey',
    'instanceKey',
    'model',
    'modelVersion',
    'modelSha256',
    'predicted',
    ...(withLabel ? ['label'] : []),
    ...labels.map((l) => `p_${l}`),
  ];
  const rows = sorted.map((r) => [
    ...keyCols(r),
    r.model.name,
    r.model.version,
    r.model.sha256,
    r.predicted,
    ...(withLabel ? [r.label] : []),
    ...labels.map((l) => (Object.hasOwn(r.probabilities, l) ? r.probabilities[l] : undefined)),
  ]);
  return { header, rows };
}

export const featuresCsv = (results: readonly FeatureResult[]): string =>
  renderCsv(featuresTable(results));

export const predictionsCsv = (results: readonly PredictionResult[]): string =>
  renderCsv(predictionsTable(results));
