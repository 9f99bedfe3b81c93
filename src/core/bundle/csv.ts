import type { FeatureResult, PredictionResult } from './types';

// RFC 4180 CSV, LF line ends. Text cells that a spreadsheet would run as a formula get a leading
// apostrophe: a bundle from elsewhere must not execute anything when opened.
function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let s = value;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function rows(header: string[], body: (string | number | null | undefined)[][]): string {
  return [header, ...body].map((r) => r.map(cell).join(',')).join('\n') + '\n';
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
export function featuresCsv(results: readonly FeatureResult[]): string {
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
  const body = sorted.map((r) => {
    const byCode = new Map(r.features.map((f) => [f.code, f.value]));
    return [
      ...keyCols(r),
      r.roi,
      r.paramsHash,
      ...(withLabel ? [r.label] : []),
      ...codes.map((c) => byCode.get(c)),
    ];
  });
  return rows(header, body);
}

/** One row per case and model; one probability column per class label, sorted. */
export function predictionsCsv(results: readonly PredictionResult[]): string {
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
  const body = sorted.map((r) => [
    ...keyCols(r),
    r.model.name,
    r.model.version,
    r.model.sha256,
    r.predicted,
    ...(withLabel ? [r.label] : []),
    ...labels.map((l) => r.probabilities[l]),
  ]);
  return rows(header, body);
}
