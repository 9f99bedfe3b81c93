export interface RocPoint {
  readonly threshold: number;
  readonly fpr: number;
  readonly tpr: number;
}

export interface Roc {
  readonly points: readonly RocPoint[];
  /** Area under the empirical curve; ties count one half (equals the Mann-Whitney U / mn). */
  readonly auc: number;
  readonly positives: number;
  readonly negatives: number;
}

/** Empirical ROC curve of scores against truth (true = positive), thresholds from high to low. */
export function roc(scores: readonly number[], truth: readonly boolean[]): Roc {
  if (scores.length !== truth.length) throw new Error('Each score needs its true label.');
  const positives = truth.filter(Boolean).length;
  const negatives = truth.length - positives;
  if (positives === 0 || negatives === 0)
    throw new Error('An ROC curve needs both positive and negative cases.');
  const order = scores.map((s, i) => i).sort((i, j) => scores[j] - scores[i]);
  const points: RocPoint[] = [{ threshold: Infinity, fpr: 0, tpr: 0 }];
  let tp = 0;
  let fp = 0;
  let auc = 0;
  for (let at = 0; at < order.length;) {
    const threshold = scores[order[at]];
    let dtp = 0;
    let dfp = 0;
    // All cases at one score move together: that is what makes the ties count one half.
    for (; at < order.length && scores[order[at]] === threshold; at++) {
      if (truth[order[at]]) dtp++;
      else dfp++;
    }
    auc += (dfp / negatives) * ((tp + dtp / 2) / positives);
    tp += dtp;
    fp += dfp;
    points.push({ threshold, fpr: fp / negatives, tpr: tp / positives });
  }
  return { points, auc, positives, negatives };
}
