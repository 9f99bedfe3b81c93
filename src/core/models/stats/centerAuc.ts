// How well the features tell the centers apart: for each center, a cross-validated one-vs-rest
// L2 logistic regression (the classifiers' own, standardized inside each training fold) scores
// the held-out cases, and the AUC of those scores against "is this center" is the figure. 0.5
// means the center cannot be told from the features; near 1, a strong center effect.
import { fitLogistic, linearScores } from '../classifiers/logistic.ts';
import { fromRows, takeLabels, takeRows } from '../classifiers/matrix.ts';
import { seededRandom, shuffle } from '../classifiers/random.ts';
import { applyScaler, fitScaler } from '../classifiers/standardize.ts';
import { roc } from '../../stats/roc.ts';
import type { FeatureRows } from '../harmonize/types.ts';

export interface CenterAuc {
  readonly center: string;
  readonly auc: number;
  readonly cases: number;
}

export interface CenterAucResult {
  /** Mean of the per-center AUCs. */
  readonly meanAuc: number;
  readonly perCenter: readonly CenterAuc[];
  readonly folds: number;
  readonly method: string;
}

export interface CenterAucOptions {
  readonly folds?: number;
  readonly seed?: number;
  /** Inverse L2 strength, as sklearn's C. */
  readonly C?: number;
  /**
   * Per fold, the training and held-out rows as the classifier should see them: a harmonizer fitted
   * on the training cases only and applied to the held-out ones. Harmonizing all cases before
   * cross-validation leaks: each held-out center's mean is pulled to the others', and the AUC
   * falls far below 0.5.
   */
  readonly prepare?: (train: readonly number[], test: readonly number[]) => Folded;
}

export interface Folded {
  readonly train: FeatureRows;
  readonly test: FeatureRows;
}

/** Stratified folds: each center's cases dealt round-robin after a seeded shuffle. */
function stratifiedFolds(y: Uint8Array, k: number, seed: number): Int32Array {
  const fold = new Int32Array(y.length);
  const random = seededRandom(seed);
  for (const cls of [0, 1]) {
    const idx = Array.from(y.keys()).filter((i) => y[i] === cls);
    shuffle(idx, random);
    idx.forEach((i, r) => (fold[i] = r % k));
  }
  return fold;
}

function outOfFoldScores(
  data: FeatureRows,
  y: Uint8Array,
  k: number,
  seed: number,
  C: number,
  prepare: CenterAucOptions['prepare'],
) {
  const x = fromRows(data);
  const fold = stratifiedFolds(y, k, seed);
  const scores = new Array<number>(y.length);
  for (let f = 0; f < k; f++) {
    const train = Array.from(fold.keys()).filter((i) => fold[i] !== f);
    const test = Array.from(fold.keys()).filter((i) => fold[i] === f);
    if (test.length === 0) continue;
    const folded = prepare?.(train, test);
    const xTrain = folded ? fromRows(folded.train) : takeRows(x, train);
    const xTest = folded ? fromRows(folded.test) : takeRows(x, test);
    const scaler = fitScaler(xTrain);
    const model = fitLogistic(applyScaler(scaler, xTrain), takeLabels(y, train), {
      penalty: 'l2',
      C,
    });
    const z = linearScores(applyScaler(scaler, xTest), model.weights, model.intercept);
    test.forEach((i, t) => (scores[i] = z[t]));
  }
  return scores;
}

export function centerAuc(
  data: FeatureRows,
  centers: readonly string[],
  options: CenterAucOptions = {},
): CenterAucResult {
  const names = [...new Set(centers)].sort();
  const smallest = Math.min(...names.map((c) => centers.filter((x) => x === c).length));
  // Every fold needs cases of each center in training and, where possible, in testing.
  const k = Math.max(2, Math.min(options.folds ?? 5, smallest));
  const perCenter = names.map((center) => {
    const y = Uint8Array.from(centers, (c) => (c === center ? 1 : 0));
    const scores = outOfFoldScores(data, y, k, options.seed ?? 1, options.C ?? 1, options.prepare);
    return {
      center,
      auc: roc(
        scores,
        Array.from(y, (v) => v === 1),
      ).auc,
      cases: y.reduce((s, v) => s + v, 0),
    };
  });
  return {
    meanAuc: perCenter.reduce((s, c) => s + c.auc, 0) / perCenter.length,
    perCenter,
    folds: k,
    method: `one-vs-rest L2 logistic regression (C=${options.C ?? 1}), ${k}-fold stratified cross-validation, standardized${options.prepare ? ' and harmonized' : ''} within folds`,
  };
}
