// What a validation reports for a two-class model's probabilities: AUC with a DeLong 95%
// interval, accuracy, sensitivity and specificity at a threshold, the Brier score, and
// reliability bins (mean predicted probability against the observed rate) for a calibration plot.
import { delongInterval } from '../../stats/delong.ts';
import { roc } from '../../stats/roc.ts';

export interface ReliabilityBin {
  readonly lower: number;
  readonly upper: number;
  readonly cases: number;
  /** Mean predicted probability in the bin; null when the bin is empty. */
  readonly predicted: number | null;
  /** Fraction of label 1 in the bin; null when empty. */
  readonly observed: number | null;
}

export interface BinaryMetrics {
  readonly cases: number;
  readonly positives: number;
  /** Null when the cases hold one class only (no ROC curve). */
  readonly auc: number | null;
  /** DeLong 95% interval; null when a class has fewer than two cases. */
  readonly aucCi: readonly [number, number] | null;
  readonly threshold: number;
  readonly accuracy: number;
  /** Null without positives (resp. negatives). */
  readonly sensitivity: number | null;
  readonly specificity: number | null;
  readonly brier: number;
  readonly reliability: readonly ReliabilityBin[];
}

export function reliabilityBins(
  probability: ArrayLike<number>,
  y: ArrayLike<number>,
  bins = 10,
): ReliabilityBin[] {
  const count = new Float64Array(bins);
  const sumP = new Float64Array(bins);
  const sumY = new Float64Array(bins);
  for (let i = 0; i < probability.length; i++) {
    const b = Math.min(bins - 1, Math.max(0, Math.floor(probability[i] * bins)));
    count[b]++;
    sumP[b] += probability[i];
    sumY[b] += y[i];
  }
  return Array.from({ length: bins }, (_, b) => ({
    lower: b / bins,
    upper: (b + 1) / bins,
    cases: count[b],
    predicted: count[b] ? sumP[b] / count[b] : null,
    observed: count[b] ? sumY[b] / count[b] : null,
  }));
}

export function binaryMetrics(
  probability: ArrayLike<number>,
  y: ArrayLike<number>,
  threshold = 0.5,
  bins = 10,
): BinaryMetrics {
  const n = probability.length;
  let tp = 0;
  let tn = 0;
  let positives = 0;
  let brier = 0;
  for (let i = 0; i < n; i++) {
    const call = probability[i] >= threshold ? 1 : 0;
    positives += y[i];
    if (call === y[i]) {
      if (call) tp++;
      else tn++;
    }
    brier += (probability[i] - y[i]) ** 2;
  }
  const negatives = n - positives;
  const scores = Array.from(probability);
  const truth = Array.from(y, (v) => v === 1);
  const auc = positives > 0 && negatives > 0 ? roc(scores, truth).auc : null;
  let aucCi: [number, number] | null = null;
  if (positives >= 2 && negatives >= 2) {
    const d = delongInterval(scores, truth);
    aucCi = [d.lower, d.upper];
  }
  return {
    cases: n,
    positives,
    auc,
    aucCi,
    threshold,
    accuracy: n ? (tp + tn) / n : NaN,
    sensitivity: positives ? tp / positives : null,
    specificity: negatives ? tn / negatives : null,
    brier: n ? brier / n : NaN,
    reliability: reliabilityBins(probability, y, bins),
  };
}
