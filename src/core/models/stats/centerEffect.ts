// The center-effect figures of a study table: per feature, Kruskal-Wallis across centers; over
// all features, how well a classifier predicts the center. Computed before and after ComBat.
import type { FeatureRows } from '../harmonize/types.ts';
import { centerAuc, type CenterAucOptions, type CenterAucResult } from './centerAuc.ts';
import { kruskalWallis } from './kruskal.ts';

export interface FeatureCenterEffect {
  readonly feature: string;
  readonly h: number;
  readonly p: number;
}

export interface CenterEffect {
  readonly kruskal: readonly FeatureCenterEffect[];
  /** Features whose Kruskal-Wallis p is below 0.05 (uncorrected). */
  readonly significant: number;
  readonly medianP: number;
  readonly centerAuc: CenterAucResult;
}

/**
 * Kruskal-Wallis on `data`; the center AUC on `data` too, or, with `auc`, on its rows through its
 * per-fold `prepare` (the unharmonized rows, harmonized inside each fold).
 */
export function centerEffect(
  data: FeatureRows,
  centers: readonly string[],
  features: readonly string[],
  options: CenterAucOptions & { readonly aucData?: FeatureRows } = {},
): CenterEffect {
  const names = [...new Set(centers)].sort();
  const kruskal = features.map((feature, g) => {
    const groups = names.map((c) => data.filter((_, j) => centers[j] === c).map((r) => r[g]));
    const { h, p } = kruskalWallis(groups);
    return { feature, h, p };
  });
  const ps = kruskal
    .map((k) => k.p)
    .filter((p) => Number.isFinite(p))
    .sort((a, b) => a - b);
  const mid = ps.length >> 1;
  return {
    kruskal,
    significant: ps.filter((p) => p < 0.05).length,
    medianP: ps.length === 0 ? NaN : ps.length % 2 ? ps[mid] : (ps[mid - 1] + ps[mid]) / 2,
    centerAuc: centerAuc(options.aucData ?? data, centers, options),
  };
}
