import { describe, expect, it } from 'vitest';
import { binaryMetrics } from './binary.ts';

describe('binary metrics', () => {
  // Hand-checked: 3 positives, 3 negatives; one negative (0.7) outranks one positive (0.6).
  const p = [0.9, 0.8, 0.6, 0.7, 0.2, 0.1];
  const y = [1, 1, 1, 0, 0, 0];
  const m = binaryMetrics(p, y);

  it('AUC is the fraction of correctly ordered positive-negative pairs (8 of 9)', () => {
    expect(m.auc).toBeCloseTo(8 / 9, 12);
    expect(m.aucCi![0]).toBeLessThan(8 / 9);
    expect(m.aucCi![1]).toBeLessThanOrEqual(1);
  });

  it('accuracy, sensitivity, specificity at 0.5 and the Brier score', () => {
    expect(m.accuracy).toBeCloseTo(5 / 6, 12);
    expect(m.sensitivity).toBe(1);
    expect(m.specificity).toBeCloseTo(2 / 3, 12);
    const brier = (0.01 + 0.04 + 0.16 + 0.49 + 0.04 + 0.01) / 6;
    expect(m.brier).toBeCloseTo(brier, 12);
  });

  it('reliability bins hold each case once, with the mean prediction and observed rate', () => {
    expect(m.reliability.reduce((s, b) => s + b.cases, 0)).toBe(6);
    const top = m.reliability[9];
    expect(top).toMatchObject({ cases: 1, predicted: 0.9, observed: 1 });
    expect(m.reliability[5]).toMatchObject({ cases: 0, predicted: null });
  });

  it('one class only: no AUC, no interval, no specificity', () => {
    const one = binaryMetrics([0.2, 0.9], [1, 1]);
    expect(one.auc).toBeNull();
    expect(one.aucCi).toBeNull();
    expect(one.specificity).toBeNull();
  });
});
