import { describe, expect, it } from 'vitest';
import { accuracy, rocAuc } from './metrics.ts';

describe('rocAuc', () => {
  it('counts ordered positive/negative pairs (sklearn: roc_auc_score([0,0,1,1],[.1,.4,.35,.8]) = 0.75)', () => {
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
  });

  it('counts a tie as half a pair', () => {
    expect(rocAuc([0.5, 0.5], [0, 1])).toBe(0.5);
    expect(rocAuc([0.2, 0.5, 0.5, 0.9], [0, 0, 1, 1])).toBe(0.875);
  });
});

describe('accuracy', () => {
  it('thresholds at 0.5 inclusive', () => {
    expect(accuracy([0.5, 0.49, 0.9, 0.1], [1, 0, 0, 0])).toBe(0.75);
  });
});
