// The trained pipeline the workbench, the CLI and the ONNX export share: selected features →
// standardization (not for forests, which splits make scale-free) → one classifier.
// fitPipeline refuses what would train on wrong data: one class, non-finite values, no features.
import { ProblemError } from '../../result.ts';
import { fitForest, forestProbability, type ForestModel } from './forest.ts';
import { fitLogistic, linearScores, sigmoid, type LinearModel } from './logistic.ts';
import { takeColumns, type Labels, type Matrix } from './matrix.ts';
import { selectFeatures, type SelectionResult, type SelectionSpec } from './selection.ts';
import { applyScaler, fitScaler, type Scaler } from './standardize.ts';
import { fitSvm, svmProbability, type SvmModel } from './svm.ts';

export const MODEL_FAMILIES = [
  'logreg-l2',
  'logreg-l1',
  'svm-linear',
  'svm-rbf',
  'forest',
] as const;
export type ModelFamily = (typeof MODEL_FAMILIES)[number];

export interface ModelSpec {
  readonly family: ModelFamily;
  /** Inverse regularisation strength, sklearn's C (default 1). */
  readonly C?: number;
  /** RBF width; absent is sklearn's 'scale'. */
  readonly gamma?: number;
  readonly trees?: number;
  readonly seed?: number;
  readonly selection?: SelectionSpec;
}

export type Classifier =
  | ({ readonly kind: 'logistic' } & LinearModel)
  | ({ readonly kind: 'svm' } & SvmModel)
  | ({ readonly kind: 'forest' } & ForestModel);

export interface Pipeline {
  readonly spec: ModelSpec;
  /** Number of input features (the full study table's columns). */
  readonly inputs: number;
  /** Input columns the classifier reads, in order. */
  readonly selected: Int32Array;
  /** Input columns selection left out, each with why (absent on a federated model). */
  readonly dropped?: SelectionResult['dropped'];
  readonly scaler: Scaler | null;
  readonly classifier: Classifier;
}

export function checkTrainingData(x: Matrix, y: Labels): void {
  if (x.rows !== y.length)
    throw new ProblemError('shape', 'Every case needs one label.', {
      cases: x.rows,
      labels: y.length,
    });
  let positives = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 0 && y[i] !== 1)
      throw new ProblemError('label', 'Labels must be 0 or 1.', { case: i, label: y[i] });
    positives += y[i];
  }
  if (positives === 0 || positives === y.length)
    throw new ProblemError(
      'single-class',
      'The training cases all have one label; a classifier needs both.',
      {
        cases: y.length,
        positives,
      },
    );
  if (allFinite(x.data)) return;
  for (let k = 0; k < x.data.length; k++)
    if (!Number.isFinite(x.data[k]))
      throw new ProblemError('non-finite', 'A feature value is missing or not finite.', {
        case: Math.floor(k / x.cols),
        feature: k % x.cols,
      });
}

/** Whether every value is finite: v · 0 is 0 for a finite v and NaN for ±∞ or NaN, and a sum
 * with a NaN in it is NaN (four sums, so the adds do not wait on each other). */
function allFinite(data: Float64Array): boolean {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  const quads = data.length - (data.length % 4);
  for (let k = 0; k < quads; k += 4) {
    a += data[k] * 0;
    b += data[k + 1] * 0;
    c += data[k + 2] * 0;
    d += data[k + 3] * 0;
  }
  for (let k = quads; k < data.length; k++) a += data[k] * 0;
  return a + b + c + d === 0;
}

/** How tightly to solve, where a caller needs more than the defaults (sklearn's own rules). */
export interface SolverOptions {
  /** Logistic regression: as LogisticOptions.tolerance. */
  readonly tolerance?: number;
  /** L2 logistic regression: as LogisticOptions.relativeDecrease (0: solve to the tolerance). */
  readonly relativeDecrease?: number;
}

export function fitPipeline(
  x: Matrix,
  y: Labels,
  centers: Int32Array,
  spec: ModelSpec,
  solver: SolverOptions = {},
): Pipeline {
  checkTrainingData(x, y);
  const { kept, dropped } = selectFeatures(x, y, centers, spec.selection ?? {});
  if (kept.length === 0)
    throw new ProblemError('no-features', 'No feature is left to train on after selection.', {
      features: x.cols,
    });
  const chosen = isEveryColumn(kept, x.cols) ? x : takeColumns(x, kept);
  const C = spec.C ?? 1;
  if (spec.family === 'forest')
    return {
      spec,
      inputs: x.cols,
      selected: kept,
      dropped,
      scaler: null,
      classifier: {
        kind: 'forest',
        ...fitForest(chosen, y, { trees: spec.trees, seed: spec.seed }),
      },
    };
  const scaler = fitScaler(chosen);
  const classifier: Classifier =
    spec.family === 'logreg-l2' || spec.family === 'logreg-l1'
      ? {
          kind: 'logistic',
          // Standardized inside the solver (L2 writes it straight into its WASM memory).
          ...fitLogistic(chosen, y, {
            penalty: spec.family === 'logreg-l2' ? 'l2' : 'l1',
            C,
            standardize: scaler,
            ...solver,
          }),
        }
      : {
          kind: 'svm',
          ...fitSvm(applyScaler(scaler, chosen), y, {
            kernel: spec.family === 'svm-linear' ? 'linear' : 'rbf',
            C,
            gamma: spec.gamma,
            probability: true,
            seed: spec.seed,
          }),
        };
  return { spec, inputs: x.cols, selected: kept, dropped, scaler, classifier };
}

/** Whether `kept` is 0, 1, …, cols − 1: the matrix itself then serves, without a 16-MB copy. */
function isEveryColumn(kept: Int32Array, cols: number): boolean {
  if (kept.length !== cols) return false;
  for (let j = 0; j < cols; j++) if (kept[j] !== j) return false;
  return true;
}

/** P(label 1) for each case of x (all input columns). */
export function pipelineProbability(p: Pipeline, x: Matrix): Float64Array {
  if (x.cols !== p.inputs)
    throw new ProblemError(
      'shape',
      `The model reads ${p.inputs} features; the cases have ${x.cols}.`,
      {
        expected: p.inputs,
        got: x.cols,
      },
    );
  const chosen = isEveryColumn(p.selected, x.cols) ? x : takeColumns(x, p.selected);
  const z = p.scaler ? applyScaler(p.scaler, chosen) : chosen;
  const c = p.classifier;
  if (c.kind === 'logistic') return linearScores(z, c.weights, c.intercept).map(sigmoid);
  if (c.kind === 'svm') return svmProbability(c, z);
  return forestProbability(c, z);
}
