// Comparison across centers (core compare.ts) plus the points the plots need: Bland-Altman
// pairs for the chosen feature and each rater's ROC curve.
import { compareBundles, type Comparison } from './compare.ts';
import { ratersOf } from './compareLabels.ts';
import type { Manifest } from './types.ts';
import { roc } from '../stats/roc.ts';

export interface BlandAltmanPoints {
  readonly a: string;
  readonly b: string;
  readonly points: readonly { readonly mean: number; readonly diff: number }[];
}

export interface RocCurve {
  readonly rater: string;
  readonly points: readonly { readonly fpr: number; readonly tpr: number }[];
}

/**
 * Why nothing matched, when the bundles share no case key at all: the usual cause is that the
 * centers pseudonymised under different collaboration keys (or the cohorts do not overlap).
 */
export interface NoSharedCases {
  readonly code: 'no-shared-cases';
  readonly reason: string;
}

export interface ComparisonView {
  readonly comparison: Comparison;
  /** Present when two or more bundles share no case key. */
  readonly hint?: NoSharedCases;
  readonly feature?: string;
  readonly blandAltman: readonly BlandAltmanPoints[];
  readonly rocCurves: readonly RocCurve[];
}

function valuesByCase(manifest: Manifest, code: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of manifest.results.features) {
    const v = r.features.find((f) => f.code === code)?.value;
    if (typeof v === 'number' && Number.isFinite(v)) out.set(`${r.caseKey}\u0000${r.roi}`, v);
  }
  return out;
}

/** Pairs over the cases every center with the feature measured, as the core's agreement uses. */
function blandAltmanPoints(
  centers: readonly { id: string; manifest: Manifest }[],
  code: string,
): BlandAltmanPoints[] {
  const present = centers
    .map((c) => ({ id: c.id, values: valuesByCase(c.manifest, code) }))
    .filter((c) => c.values.size > 0);
  if (present.length < 2) return [];
  const shared = [...present[0].values.keys()].filter((k) => present.every((c) => c.values.has(k)));
  const out: BlandAltmanPoints[] = [];
  for (let i = 0; i < present.length; i++)
    for (let j = i + 1; j < present.length; j++) {
      const points = shared.map((k) => {
        const x = present[i].values.get(k)!;
        const y = present[j].values.get(k)!;
        return { mean: (x + y) / 2, diff: x - y };
      });
      out.push({ a: present[i].id, b: present[j].id, points });
    }
  return out;
}

function caseKeysOf(manifest: Manifest): Set<string> {
  const { features, predictions, edges } = manifest.results;
  return new Set([...features, ...predictions, ...edges].map((r) => r.caseKey));
}

/** The hint when no two bundles have a case key in common (bundles with no results aside). */
export function noSharedCases(manifests: readonly Manifest[]): NoSharedCases | undefined {
  const keys = manifests.map(caseKeysOf).filter((k) => k.size > 0);
  if (keys.length < 2) return undefined;
  for (let i = 0; i < keys.length; i++)
    for (let j = i + 1; j < keys.length; j++)
      for (const k of keys[i]) if (keys[j].has(k)) return undefined;
  return {
    code: 'no-shared-cases',
    reason:
      'These bundles share no case: different collaboration keys? Centers match cases only when ' +
      'they pseudonymised under the same collaboration key (and imaged the same patients).',
  };
}

export function compareForView(
  manifests: readonly Manifest[],
  feature: string | undefined,
  positiveLabel: string | undefined,
): ComparisonView {
  const comparison = compareBundles(manifests, positiveLabel ? { positiveLabel } : {});
  const centers = comparison.centers.map((c, i) => ({ id: c.id, manifest: manifests[i] }));
  // By default the first feature whose centers disagree at all: a plot of zeros shows nothing.
  const rows = comparison.featureAgreement;
  const spread = rows.find((f) => f.blandAltman.some((p) => p.result.sd > 0));
  const defined = rows.find((f) => f.icc && !f.icc.undefinedReason);
  const chosen = feature ?? (spread ?? defined ?? rows.find((f) => f.icc))?.code;
  const rocCurves: RocCurve[] = [];
  for (const r of ratersOf(centers)) {
    const entry = comparison.roc.find((x) => x.rater === r.id);
    if (!entry) continue;
    const rows = [...r.predictions.values()].filter((p) => p.label !== undefined);
    const curve = roc(
      rows.map((p) => p.probabilities[entry.positiveLabel] ?? 0),
      rows.map((p) => p.label === entry.positiveLabel),
    );
    rocCurves.push({ rater: r.id, points: curve.points.map(({ fpr, tpr }) => ({ fpr, tpr })) });
  }
  const hint = noSharedCases(manifests);
  return {
    comparison,
    ...(hint ? { hint } : {}),
    ...(chosen ? { feature: chosen } : {}),
    blandAltman: chosen ? blandAltmanPoints(centers, chosen) : [],
    rocCurves,
  };
}
