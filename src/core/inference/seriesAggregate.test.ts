import { describe, expect, it } from 'vitest';
import { aggregateSeries } from './seriesAggregate';

describe('series aggregation', () => {
  it('takes the mean probability per label and predicts its argmax, not the majority vote', () => {
    // Two images lean weakly to normal, one strongly to pneumonia: the vote says normal, the
    // mean says pneumonia (0.6 vs 0.4); the mean is the stated rule.
    const agg = aggregateSeries([
      { probabilities: { normal: 0.55, pneumonia: 0.45 } },
      { probabilities: { normal: 0.55, pneumonia: 0.45 } },
      { probabilities: { normal: 0.1, pneumonia: 0.9 } },
    ])!;
    expect(agg.probabilities.normal).toBeCloseTo(0.4, 12);
    expect(agg.probabilities.pneumonia).toBeCloseTo(0.6, 12);
    expect(agg.predictedLabel).toBe('pneumonia');
    expect(agg.images).toBe(3);
    expect(agg.rule).toBe('series: mean of 3 images; predicted = argmax of mean probability');
  });

  it('breaks a tie toward the earlier label and says "image" for one', () => {
    const agg = aggregateSeries([{ probabilities: { a: 0.5, b: 0.5 } }])!;
    expect(agg.predictedLabel).toBe('a');
    expect(agg.rule).toBe('series: mean of 1 image; predicted = argmax of mean probability');
  });

  it('gives nothing for an empty series and refuses images with different labels', () => {
    expect(aggregateSeries([])).toBeUndefined();
    expect(() =>
      aggregateSeries([{ probabilities: { a: 1 } }, { probabilities: { b: 1 } }]),
    ).toThrow('no probability for label "a"');
  });
});
