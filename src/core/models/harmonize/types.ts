// ComBat's inputs and its fitted parameters. The fit is plain JSON (numbers, strings, arrays) so a
// center can save it, send it, and harmonize a new center's cases against it later.

/** Cases × features, one row per case (the study table's layout). */
export type FeatureRows = readonly (readonly number[])[];

export type CombatMethod = 'parametric' | 'nonparametric';

export interface CombatOptions {
  /** Empirical Bayes with normal / inverse-gamma priors (sva's par.prior = TRUE), or the integral. */
  readonly method?: CombatMethod;
  /** Adjust the center means only, not their scale (sva's mean.only). */
  readonly meanOnly?: boolean;
  /** Leave this center's data as it is and bring the others to it (sva's ref.batch). */
  readonly referenceBatch?: string;
  /**
   * Biological covariates to preserve, one column per entry (e.g. indicator columns of the label),
   * a value per case. A column of all ones (an intercept) is dropped, as sva does.
   */
  readonly covariates?: readonly { readonly name: string; readonly values: readonly number[] }[];
}

export interface CombatBatchFit {
  readonly name: string;
  readonly n: number;
  /** Per feature: the shrunk additive effect on the standardized scale (γ*). */
  readonly gammaStar: readonly number[];
  /** Per feature: the shrunk multiplicative effect (δ*, a variance ratio). */
  readonly deltaStar: readonly number[];
}

export interface CombatFit {
  readonly format: 'consilium-combat';
  readonly version: 1;
  readonly method: CombatMethod;
  readonly meanOnly: boolean;
  readonly referenceBatch?: string;
  /** Feature names, in the column order the data must have when the fit is applied. */
  readonly features: readonly string[];
  /**
   * Per feature, what identifies the settings it was computed with (a bundle's paramsHash), where
   * the caller knows it: a fit applies only to features computed the same way.
   */
  readonly settings?: readonly string[];
  /** Features left as they are: constant within a center (sva does not adjust them either). */
  readonly unadjusted: readonly string[];
  /** Covariate column names; applying the fit needs the same columns. */
  readonly covariates: readonly string[];
  /** Per feature (NaN-free; unadjusted features hold 0 and 1). */
  readonly grandMean: readonly number[];
  readonly varPooled: readonly number[];
  /** Per covariate column, per feature: the regression coefficient that is preserved. */
  readonly covariateCoefficients: readonly (readonly number[])[];
  readonly batches: readonly CombatBatchFit[];
}

export interface CombatResult {
  readonly fit: CombatFit;
  /** Cases × features, harmonized. */
  readonly harmonized: number[][];
}
