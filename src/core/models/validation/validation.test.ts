import { describe, expect, it } from 'vitest';
import { binaryMetrics } from '../metrics/binary.ts';
import { crossValidate } from './crossValidate.ts';
import { leaveOneCenterOut, stratifiedKFolds } from './folds.ts';
import { simulatedStudy } from './testing/simulatedStudy.ts';
import { ProblemError } from '../../result.ts';

const study = simulatedStudy([60, 50, 70], 12, 4, 5);

describe('validation splits', () => {
  it('repeated stratified 5-fold tests every case once per repeat, keeping class balance', () => {
    const folds = stratifiedKFolds(study.y, 5, 3, 42);
    expect(folds).toHaveLength(15);
    for (let r = 0; r < 3; r++) {
      const seen = new Int32Array(study.y.length);
      for (const f of folds.filter((f) => f.repeat === r)) {
        f.test.forEach((i) => seen[i]++);
        expect(f.train.length + f.test.length).toBe(study.y.length);
        const pos = Array.from(f.test).filter((i) => study.y[i]).length;
        const all = Array.from(study.y).filter(Boolean).length;
        expect(Math.abs(pos - all / 5)).toBeLessThanOrEqual(1);
      }
      expect(seen.every((v) => v === 1)).toBe(true);
    }
    expect(stratifiedKFolds(study.y, 5, 1, 42)[0].test).toEqual(folds[0].test);
    expect(stratifiedKFolds(study.y, 5, 1, 43)[0].test).not.toEqual(folds[0].test);
  });

  it('too few cases of a label for k folds is one clear problem', () => {
    const y = Uint8Array.from([1, 1, 0, 0, 0, 0, 0]);
    expect(() => stratifiedKFolds(y, 3)).toThrowError(ProblemError);
    expect(() => leaveOneCenterOut(new Int32Array(5))).toThrow(/at least two centers/);
  });
});

describe('cross-validation', () => {
  it('leave-one-center-out reports each held-out center, with a DeLong interval', () => {
    const report = crossValidate(study, { family: 'logreg-l2' }, leaveOneCenterOut(study.centers));
    expect(report.scheme).toBe('leave-one-center-out');
    expect(report.perCenter.map((c) => c.center)).toEqual(['center-1', 'center-2', 'center-3']);
    expect(report.perCenter.map((c) => c.metrics.cases)).toEqual([60, 50, 70]);
    expect(report.overall.auc!).toBeGreaterThan(0.8);
    const [lo, hi] = report.overall.aucCi!;
    expect(lo).toBeLessThan(report.overall.auc!);
    expect(hi).toBeGreaterThan(report.overall.auc!);
  });

  it('repeated k-fold: every family validates above chance, the report is reproducible', () => {
    const folds = stratifiedKFolds(study.y, 4, 2, 7);
    for (const family of ['logreg-l2', 'logreg-l1', 'svm-linear', 'svm-rbf', 'forest'] as const) {
      const r = crossValidate(study, { family, trees: 50 }, folds);
      expect(r.repeatAuc).toHaveLength(2);
      expect(r.overall.auc!, family).toBeGreaterThan(0.75);
      expect(r.overall.brier, family).toBeLessThan(0.25);
    }
    const a = crossValidate(study, { family: 'forest', trees: 20, seed: 3 }, folds);
    const b = crossValidate(study, { family: 'forest', trees: 20, seed: 3 }, folds);
    expect(a).toEqual(b);
  });

  it('per-center metrics equal the metrics of that center’s out-of-fold predictions', () => {
    const report = crossValidate(
      study,
      { family: 'logreg-l2' },
      stratifiedKFolds(study.y, 5, 1, 1),
    );
    const total = report.perCenter.reduce((s, c) => s + c.metrics.cases, 0);
    expect(total).toBe(report.overall.cases);
    expect(binaryMetrics([0.1, 0.9], [0, 1]).auc).toBe(1);
  });

  it('a fold whose training cases hold one label names the fold', () => {
    const y = Uint8Array.from(study.y);
    study.centers.forEach((c, i) => (y[i] = c === 0 ? y[i] : 0));
    const one = { ...study, y };
    expect(() =>
      crossValidate(one, { family: 'logreg-l2' }, leaveOneCenterOut(study.centers)),
    ).toThrow(/Fold 1 .*one label/);
  });
});
