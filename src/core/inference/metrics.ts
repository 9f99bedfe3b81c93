// Binary classification figures for model evaluation: ROC AUC and accuracy at a threshold.

/** Area under the ROC curve = P(score of a positive > score of a negative), ties counting 1/2. */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort(
    (a, b) => scores[a] - scores[b],
  );
  // Mann-Whitney U from mid-ranks, which handles tied scores exactly.
  let rankSumPos = 0;
  let positives = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1]] === scores[order[i]]) j++;
    const midRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (labels[order[k]] === 1) {
        rankSumPos += midRank;
        positives++;
      }
    }
    i = j + 1;
  }
  const negatives = scores.length - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSumPos - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export function accuracy(scores: ArrayLike<number>, labels: ArrayLike<number>, threshold = 0.5) {
  let right = 0;
  for (let i = 0; i < scores.length; i++) {
    if ((scores[i] >= threshold ? 1 : 0) === labels[i]) right++;
  }
  return right / scores.length;
}
