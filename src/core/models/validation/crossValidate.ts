// Cross-validation of one pipeline spec: each fold fits the whole pipeline (selection,
// standardization, classifier) on its training cases only and predicts its held-out cases.
// runFold is the unit a worker thread runs; summarize turns the folds' predictions into the
// report: overall metrics on out-of-fold probabilities (averaged over repeats per case), the AUC
// of each repeat, and metrics per center (for leave-one-center-out: per held-out center).
import { ProblemError } from '../../result.ts';
import { takeLabels, takeRows, type Labels, type Matrix } from '../classifiers/matrix.ts';
import { fitPipeline, pipelineProbability, type ModelSpec } from '../classifiers/pipeline.ts';
import { binaryMetrics, type BinaryMetrics } from '../metrics/binary.ts';
import type { Fold } from './folds.ts';

export interface StudyData {
  readonly x: Matrix;
  readonly y: Labels;
  /** Center index per case (into centerNames). */
  readonly centers: Int32Array;
  readonly centerNames: readonly string[];
}

export interface FoldPrediction {
  readonly repeat: number;
  readonly fold: number;
  readonly test: Int32Array;
  readonly probability: Float64Array;
  readonly heldOutCenter?: number;
}

export interface CenterMetrics {
  readonly center: string;
  readonly metrics: BinaryMetrics;
}

export interface ValidationReport {
  readonly scheme: 'k-fold' | 'leave-one-center-out';
  readonly folds: number;
  readonly repeats: number;
  readonly overall: BinaryMetrics;
  readonly repeatAuc: readonly (number | null)[];
  readonly perCenter: readonly CenterMetrics[];
}

export function runFold(data: StudyData, spec: ModelSpec, fold: Fold): FoldPrediction {
  const seed = (spec.seed ?? 0) + fold.repeat * 1000 + fold.fold;
  const yTrain = takeLabels(data.y, fold.train);
  const centersTrain = Int32Array.from(fold.train, (i) => data.centers[i]);
  let model;
  try {
    model = fitPipeline(takeRows(data.x, fold.train), yTrain, centersTrain, { ...spec, seed });
  } catch (e) {
    if (e instanceof ProblemError)
      throw new ProblemError(
        e.code,
        `Fold ${fold.fold + 1} (repeat ${fold.repeat + 1}): ${e.reason}`,
        {
          ...e.params,
          fold: fold.fold,
          repeat: fold.repeat,
        },
      );
    throw e;
  }
  const probability = pipelineProbability(model, takeRows(data.x, fold.test));
  return {
    repeat: fold.repeat,
    fold: fold.fold,
    test: fold.test,
    probability,
    heldOutCenter: fold.heldOutCenter,
  };
}

export function summarize(
  data: StudyData,
  predictions: readonly FoldPrediction[],
): ValidationReport {
  const n = data.y.length;
  const loco = predictions.some((p) => p.heldOutCenter !== undefined);
  const repeats = Math.max(...predictions.map((p) => p.repeat)) + 1;
  const sum = new Float64Array(n);
  const count = new Float64Array(n);
  const perRepeat = Array.from({ length: repeats }, () => new Float64Array(n).fill(NaN));
  for (const p of predictions)
    p.test.forEach((i, k) => {
      sum[i] += p.probability[k];
      count[i]++;
      perRepeat[p.repeat][i] = p.probability[k];
    });
  const covered: number[] = [];
  for (let i = 0; i < n; i++) if (count[i] > 0) covered.push(i);
  const mean = Float64Array.from(covered, (i) => sum[i] / count[i]);
  const yc = takeLabels(data.y, covered);
  const repeatAuc = perRepeat.map(
    (pr) =>
      binaryMetrics(
        covered.map((i) => pr[i]),
        yc,
      ).auc,
  );
  const perCenter: CenterMetrics[] = [];
  data.centerNames.forEach((center, c) => {
    const idx = covered.map((i, k) => (data.centers[i] === c ? k : -1)).filter((k) => k >= 0);
    if (idx.length === 0) return;
    perCenter.push({
      center,
      metrics: binaryMetrics(
        idx.map((k) => mean[k]),
        idx.map((k) => yc[k]),
      ),
    });
  });
  return {
    scheme: loco ? 'leave-one-center-out' : 'k-fold',
    folds: new Set(predictions.map((p) => p.fold)).size,
    repeats,
    overall: binaryMetrics(mean, yc),
    repeatAuc,
    perCenter,
  };
}

/** All folds in this thread (the CLI spreads them over worker threads instead). */
export function crossValidate(
  data: StudyData,
  spec: ModelSpec,
  folds: readonly Fold[],
  onFold?: (done: number, total: number) => void,
): ValidationReport {
  const predictions = folds.map((f, k) => {
    const p = runFold(data, spec, f);
    onFold?.(k + 1, folds.length);
    return p;
  });
  return summarize(data, predictions);
}
