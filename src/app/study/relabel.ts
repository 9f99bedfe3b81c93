// A labels CSV's labels on the chosen bundles' cases (by case key), in place of the bundles' own,
// as `consilium study --labels` applies them; and what matched, for the report.
import type { Manifest } from '../../core/bundle/types.ts';

export type CaseLabels = Readonly<Record<string, string>>;

export function relabelled(manifests: readonly Manifest[], labels?: CaseLabels): Manifest[] {
  if (!labels) return [...manifests];
  return manifests.map((m) => ({
    ...m,
    results: {
      ...m.results,
      features: m.results.features.map((f) =>
        labels[f.caseKey] !== undefined ? { ...f, label: labels[f.caseKey] } : f,
      ),
    },
  }));
}

export interface LabelsMatch {
  /** CSV rows (case keys) that name a case in the chosen bundles. */
  readonly matched: number;
  /** Case keys in the CSV that no chosen bundle holds. */
  readonly unknown: readonly string[];
  /** Cases of the chosen bundles the CSV does not label (they keep their bundle's label). */
  readonly unlabelled: number;
  readonly keptOwn: number;
  readonly cases: number;
}

export function labelsMatch(manifests: readonly Manifest[], labels: CaseLabels): LabelsMatch {
  const keys = new Set(manifests.flatMap((m) => m.results.features.map((f) => f.caseKey)));
  const csv = Object.keys(labels);
  const cases = manifests.flatMap((m) => m.results.features);
  const missing = cases.filter((f) => labels[f.caseKey] === undefined);
  return {
    matched: csv.filter((k) => keys.has(k)).length,
    unknown: csv.filter((k) => !keys.has(k)),
    unlabelled: missing.filter((f) => f.label === undefined).length,
    keptOwn: missing.filter((f) => f.label !== undefined).length,
    cases: cases.length,
  };
}
