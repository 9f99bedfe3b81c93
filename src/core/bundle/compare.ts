import {
  featureAgreement,
  featureNames,
  unmatchedDistributions,
  type FeatureAgreement,
  type FeatureDistribution,
} from './compareFeatures';
import {
  labelAgreement,
  raterRocs,
  ratersOf,
  type LabelAgreement,
  type RaterRoc,
} from './compareLabels';
import type { Manifest } from './types';

export interface CompareOptions {
  /** IBSI codes of the features to compare; all codes present when absent. */
  readonly features?: readonly string[];
  /** The class whose probability is the ROC score; the last label in sorted order by default. */
  readonly positiveLabel?: string;
}

export interface Comparison {
  readonly centers: readonly {
    readonly id: string;
    readonly center: string;
    readonly createdAt: string;
  }[];
  readonly raters: readonly {
    readonly id: string;
    readonly center: string;
    readonly model: string;
    readonly cases: number;
  }[];
  readonly labelAgreement: readonly LabelAgreement[];
  readonly roc: readonly RaterRoc[];
  readonly featureAgreement: readonly FeatureAgreement[];
  readonly distributions: readonly FeatureDistribution[];
}

/**
 * Compare verified bundles: cases are matched by their pseudonymous keys, which agree across
 * centers that de-identified under the same collaboration key.
 */
export function compareBundles(
  manifests: readonly Manifest[],
  options: CompareOptions = {},
): Comparison {
  const seen = new Map<string, number>();
  const centers = manifests.map((manifest) => {
    const n = (seen.get(manifest.center.name) ?? 0) + 1;
    seen.set(manifest.center.name, n);
    // Two bundles from one center (say, two exports) stay two sources.
    return { id: n === 1 ? manifest.center.name : `${manifest.center.name} (${n})`, manifest };
  });
  const raters = ratersOf(centers);
  const names = featureNames(centers);
  const codes = options.features ?? [...names.keys()];
  const featureRows: FeatureAgreement[] = [];
  const distributions: FeatureDistribution[] = [];
  for (const code of codes) {
    const name = names.get(code) ?? code;
    const agreement = featureAgreement(centers, code, name);
    if (agreement) featureRows.push(agreement);
    distributions.push(...unmatchedDistributions(centers, code, name));
  }
  return {
    centers: centers.map((c) => ({
      id: c.id,
      center: c.manifest.center.name,
      createdAt: c.manifest.createdAt,
    })),
    raters: raters.map((r) => ({
      id: r.id,
      center: r.center,
      model: r.model,
      cases: r.predictions.size,
    })),
    labelAgreement: labelAgreement(raters),
    roc: raterRocs(raters, options.positiveLabel),
    featureAgreement: featureRows,
    distributions,
  };
}
