// What a center and the coordinator exchange in a federation: parameters and case counts only,
// never a case's values. Round 0 carries each center's feature sums (for the shared scaler) and
// its curvature bound (for a common step size); later rounds carry linear model parameters or,
// for a forest, the center's trees. See docs/federated.md for what these can still reveal.
import type { SettingsFile } from '../../analysis/paramsFile/settings.ts';
import type { Tree } from '../classifiers/cart.ts';
import type { BinaryMetrics } from '../metrics/binary.ts';

export const UPDATE_FORMAT = 'consilium-model-update/1';

export type FederatedFamily = 'logreg-l2' | 'svm-linear' | 'forest';

export interface LinearParams {
  readonly weights: readonly number[];
  readonly intercept: number;
}

/** A center's sums of the loss term at one point: the value, the gradient over (w, b), and the
 * generalised Hessian's upper triangle, row by row, over (w, b). */
export interface HingeSums {
  readonly loss: number;
  readonly gradient: readonly number[];
  readonly hessian: readonly number[];
}

/** The coordinator's Newton state: the last accepted point, its objective and slope along the
 * direction, and the step being tried. */
export interface NewtonState {
  readonly accepted: LinearParams;
  readonly objective: number;
  readonly slope: number;
  readonly direction: LinearParams;
  readonly step: number;
}

/** Optional differential privacy of a logistic federation's rounds (privacy.ts). */
export interface PrivacyTerms {
  readonly epsilon: number;
  readonly delta: number;
  /** The L2 norm each center's update is clipped to. */
  readonly clip: number;
}

export interface SerializedTree {
  readonly feature: readonly number[];
  readonly threshold: readonly number[];
  readonly left: readonly number[];
  readonly right: readonly number[];
  readonly value: readonly number[];
}

export interface ModelUpdate {
  readonly format: typeof UPDATE_FORMAT;
  readonly federation: string;
  readonly round: number;
  /** The sender: a center's name, or "coordinator". */
  readonly from: string;
  readonly family: FederatedFamily;
  readonly features: readonly string[];
  /** Cases behind this update (a center's count; the coordinator's total). */
  readonly cases: number;
  /** Round 0, center → coordinator: per-feature sums and sums of squares, and positives. */
  readonly stats?: {
    readonly sum: readonly number[];
    readonly sumSquares: readonly number[];
    readonly positives: number;
    readonly curvature: number;
  };
  /** Coordinator → centers: the shared standardization and step size. */
  readonly scaler?: { readonly mean: readonly number[]; readonly scale: readonly number[] };
  readonly stepSize?: number;
  readonly linear?: LinearParams;
  /** Linear SVM, coordinator → centers: its Newton state (the point `linear` is a trial from)
   * and, once fitted, Platt's sigmoid. */
  readonly newton?: NewtonState;
  readonly sigmoid?: { readonly a: number; readonly b: number };
  /** Linear SVM, center → coordinator: its squared-hinge sums at the coordinator's `linear`. */
  readonly hinge?: HingeSums;
  /** Linear SVM, coordinator: positives over all centers (Platt's targets need them). */
  readonly positives?: number;
  /** Linear SVM, center → coordinator: its sums for one Newton step of Platt's sigmoid. */
  readonly platt?: {
    readonly g1: number;
    readonly g2: number;
    readonly h11: number;
    readonly h21: number;
    readonly h22: number;
  };
  readonly trees?: readonly SerializedTree[];
  /** A center's round update made differentially private: the terms and the noise's σ. */
  readonly privacy?: PrivacyTerms & { readonly sigma: number };
  /** File-exchanged federations (the workbench): the terms every party must share, which step
   * of round 0 or of validation this is, and a center's metrics on its held-out cases. */
  readonly terms?: FederationTerms;
  readonly stage?: FederationStage;
  readonly validation?: BinaryMetrics;
}

export interface FederationTerms {
  readonly rounds: number;
  readonly C: number;
  readonly localSteps: number;
  readonly trees: number;
  readonly seed: number;
  /** The stratified fraction of its cases each center keeps out of training, for validation. */
  readonly holdout: number;
  /** The label names for 0 and 1 every center must share. */
  readonly labels?: readonly [string, string];
  /** The settings every center's features were computed with (a settings file's JSON), so the
   * final model's card can compute them for a new series. */
  readonly featureSettings?: SettingsFile;
  /** Differential-privacy noise on every center's round update (logistic regression only). */
  readonly privacy?: PrivacyTerms;
}

/** stats → scaler → curvature (round 0), then rounds; validation after the final model. */
export type FederationStage = 'stats' | 'scaler' | 'curvature' | 'validation';

export function serializeTree(t: Tree): SerializedTree {
  return {
    feature: Array.from(t.feature),
    threshold: Array.from(t.threshold),
    left: Array.from(t.left),
    right: Array.from(t.right),
    value: Array.from(t.value),
  };
}

export function deserializeTree(t: SerializedTree): Tree {
  return {
    feature: Int32Array.from(t.feature),
    threshold: Float32Array.from(t.threshold),
    left: Int32Array.from(t.left),
    right: Int32Array.from(t.right),
    value: Float64Array.from(t.value),
  };
}
