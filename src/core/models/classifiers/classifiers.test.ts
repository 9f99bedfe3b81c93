// Each model family against scikit-learn 1.2.1 on the same data (fixtures from
// tools/models/make-sklearn-fixtures.py): Pipeline(StandardScaler, model), solved tightly on both
// sides, so the convex models must reach the same optimum; and L2 also at both defaults.
import { describe, expect, it } from 'vitest';
import fx from './fixtures/sklearn.fixtures.json' with { type: 'json' };
import { fitForest, forestProbability } from './forest.ts';
import { fitLogistic, linearScores, sigmoid } from './logistic.ts';
import { fromRows } from './matrix.ts';
import { fitPlatt } from './platt.ts';
import { applyScaler, fitScaler } from './standardize.ts';
import { fitSvm, svmDecision } from './svm.ts';
import { rocAuc } from '../../inference/metrics.ts';

const raw = fromRows(fx.Xtrain);
const y = Uint8Array.from(fx.ytrain);
const scaler = fitScaler(raw);
const train = applyScaler(scaler, raw);
const test = applyScaler(scaler, fromRows(fx.Xtest));

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

describe('classifiers against scikit-learn', () => {
  it('L2 logistic regression (lbfgs) solved tightly reaches sklearn coefficients within 1e-6', () => {
    const m = fitLogistic(train, y, {
      penalty: 'l2',
      C: fx.logregL2.C,
      tolerance: 1e-10,
      relativeDecrease: 0,
    });
    expect(maxDiff(m.weights, fx.logregL2.coef)).toBeLessThan(1e-6);
    expect(Math.abs(m.intercept - fx.logregL2.intercept)).toBeLessThan(1e-6);
    const z = linearScores(test, m.weights, m.intercept);
    expect(maxDiff(z, fx.logregL2.decision)).toBeLessThan(1e-6);
    expect(maxDiff(z.map(sigmoid), fx.logregL2.probability)).toBeLessThan(1e-7);
  });

  it("L2 at the default stopping rule (sklearn's lbfgs tol 1e-4, scipy's factr) stops where sklearn's default stops", () => {
    const m = fitLogistic(train, y, { penalty: 'l2', C: fx.logregL2Default.C });
    const z = linearScores(test, m.weights, m.intercept);
    // Both stop near a gradient of 1e-4 on an objective whose Hessian is at least I/C, so each is
    // within about C·√(p+1)·1e-4 ≈ 1.5e-4 of the optimum, and so within 1e-4 of each other.
    // Measured: the two agree to 1e-15 (the same iterates), both 4e-6 from the optimum.
    expect(maxDiff(m.weights, fx.logregL2Default.coef)).toBeLessThan(1e-4);
    expect(maxDiff(z, fx.logregL2Default.decision)).toBeLessThan(1e-4);
    expect(maxDiff(m.weights, fx.logregL2.coef)).toBeLessThan(1.5e-4);
    // Not the tight optimum itself: the default really does stop earlier.
    expect(maxDiff(m.weights, fx.logregL2.coef)).toBeGreaterThan(1e-7);
  });

  it('L1 logistic regression zeroes the features sklearn zeroes, coefficients within 1e-6', () => {
    const m = fitLogistic(train, y, { penalty: 'l1', C: fx.logregL1.C });
    expect(maxDiff(m.weights, fx.logregL1.coef)).toBeLessThan(1e-6);
    fx.logregL1.coef.forEach((c, j) => expect(m.weights[j] === 0).toBe(c === 0));
    expect(maxDiff(linearScores(test, m.weights, m.intercept), fx.logregL1.decision)).toBeLessThan(
      1e-6,
    );
  });

  it('linear and RBF SVMs give sklearn.svm.SVC decision values within 1e-6', () => {
    const lin = fitSvm(train, y, { kernel: 'linear', C: fx.svmLinear.C, tolerance: 1e-10 });
    expect(maxDiff(svmDecision(lin, test), fx.svmLinear.decision)).toBeLessThan(1e-6);
    const rbf = fitSvm(train, y, { kernel: 'rbf', C: fx.svmRbf.C, tolerance: 1e-10 });
    expect(rbf.kernel).toEqual({ kind: 'rbf', gamma: expect.closeTo(fx.svmRbf.gamma, 12) });
    expect(rbf.supportVectors.rows).toBe(fx.svmRbf.nSupport);
    expect(maxDiff(svmDecision(rbf, test), fx.svmRbf.decision)).toBeLessThan(1e-6);
  });

  it("Platt's sigmoid equals sklearn's _sigmoid_calibration within 1e-6", () => {
    const s = fitPlatt(fx.platt.decision, y);
    expect(s.a).toBeCloseTo(fx.platt.a, 6);
    expect(s.b).toBeCloseTo(fx.platt.b, 6);
  });

  it("a 200-tree forest's test AUC is within 0.02 of sklearn's (mean of 5 seeds each)", () => {
    const aucs = [0, 1, 2, 3, 4].map((seed) =>
      rocAuc(
        forestProbability(fitForest(raw, y, { trees: 200, seed }), fromRows(fx.Xtest)),
        fx.ytest,
      ),
    );
    const mean = aucs.reduce((a, b) => a + b) / aucs.length;
    expect(Math.abs(mean - fx.forest.testAuc)).toBeLessThan(0.02);
  });

  it('the same seed grows the same forest', () => {
    const a = forestProbability(fitForest(raw, y, { trees: 10, seed: 3 }), test);
    const b = forestProbability(fitForest(raw, y, { trees: 10, seed: 3 }), test);
    expect(Array.from(a)).toEqual(Array.from(b));
  });
});
