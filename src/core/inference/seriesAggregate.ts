// One prediction per series from the predictions of its images. The rule is deliberately plain and
// stated with the result: the mean probability of each label over the images, and the label with
// the largest mean (ties go to the card's earlier label). A partner can redo it from the per-image
// probabilities alone.

export interface SeriesAggregate {
  readonly probabilities: Record<string, number>;
  readonly predictedLabel: string;
  readonly images: number;
  readonly rule: string;
}

export const SERIES_RULE = 'predicted = argmax of mean probability';

/** Mean probability per label over the images (label order of the first image), argmax predicted. */
export function aggregateSeries(
  images: readonly { readonly probabilities: Readonly<Record<string, number>> }[],
): SeriesAggregate | undefined {
  if (images.length === 0) return undefined;
  const labels = Object.keys(images[0].probabilities);
  const probabilities: Record<string, number> = {};
  for (const label of labels) {
    let sum = 0;
    for (const im of images) {
      const p = im.probabilities[label];
      if (p === undefined) throw new Error(`an image has no probability for label "${label}"`);
      sum += p;
    }
    probabilities[label] = sum / images.length;
  }
  let predictedLabel = labels[0];
  for (const label of labels)
    if (probabilities[label] > probabilities[predictedLabel]) predictedLabel = label;
  return {
    probabilities,
    predictedLabel,
    images: images.length,
    rule: `series: mean of ${images.length} image${images.length === 1 ? '' : 's'}; ${SERIES_RULE}`,
  };
}
