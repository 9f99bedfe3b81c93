// A federation of three simulated centers in one process: the FedAvg logistic model against the
// pooled one (same C, all cases in one place), forest merging, and the signed updates' refusals.
import { describe, expect, it } from 'vitest';
import { generateSigningKeys, keyFingerprint } from '../../crypto/keys.ts';
import { rocAuc } from '../../inference/metrics.ts';
import { takeLabels, takeRows } from '../classifiers/matrix.ts';
import { fitPipeline, pipelineProbability } from '../classifiers/pipeline.ts';
import { simulatedStudy } from '../validation/testing/simulatedStudy.ts';
import { fitPlatt } from '../classifiers/platt.ts';
import { svmDecision } from '../classifiers/svm.ts';
import { applyScaler } from '../classifiers/standardize.ts';
import {
  centerPlatt,
  coordinatorPlatt,
  centerForest,
  centerStats,
  coordinatorForest,
  federatedPipeline,
  PLATT_ROUNDS,
  type CenterData,
  type FederationSettings,
} from './federation.ts';
import sk from '../classifiers/fixtures/sklearn.fixtures.json' with { type: 'json' };
import squaredHinge from './fixtures/squaredHinge.fixtures.json' with { type: 'json' };
import { federateInProcess } from './testing/federateInProcess.ts';
import { readUpdate, signUpdate } from './signedUpdate.ts';

const study = simulatedStudy([60, 45, 75], 8, 3, 17, 0.3);
const centers: CenterData[] = study.centerNames.map((name, c) => {
  const idx = Array.from(study.centers.keys()).filter((i) => study.centers[i] === c);
  return { name, x: takeRows(study.x, idx), y: takeLabels(study.y, idx) };
});
const features = Array.from({ length: 8 }, (_, j) => `f${j}`);

function federateLogistic(rounds: number, localSteps: number) {
  const s: FederationSettings = {
    federation: 'test',
    family: 'logreg-l2',
    features,
    C: 1,
    localSteps,
  };
  return federatedPipeline(s, federateInProcess(s, centers, rounds));
}

function federateSvm(data: readonly CenterData[], p: number, rounds: number, plattSteps = 0) {
  const s: FederationSettings = {
    federation: 'test',
    family: 'svm-linear',
    features: features.slice(0, p),
    C: 0.7,
    rounds,
  };
  let global = federateInProcess(s, data, rounds);
  for (let k = 0; k < plattSteps; k++)
    global = coordinatorPlatt(
      s,
      global,
      data.map((c) => centerPlatt(s, c, global)),
    );
  return { model: federatedPipeline(s, global), final: global };
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>) {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

describe('federated training', () => {
  // The pooled optimum itself (the default stops where sklearn's lbfgs does, ~1e-5 short of it).
  const pooled = fitPipeline(
    study.x,
    study.y,
    study.centers,
    { family: 'logreg-l2', C: 1 },
    { tolerance: 1e-10, relativeDecrease: 0 },
  );
  const pooledP = pipelineProbability(pooled, study.x);

  it('the pooled scaler from the centers’ sums equals the scaler on all cases', () => {
    const fed = federateLogistic(0, 1);
    expect(maxDiff(fed.scaler!.mean, pooled.scaler!.mean)).toBeLessThan(1e-12);
    expect(maxDiff(fed.scaler!.scale, pooled.scaler!.scale)).toBeLessThan(1e-12);
  });

  it('one local step per round (FedSGD) reaches the pooled model: probabilities within 1e-6 after 300 rounds', () => {
    const fed = federateLogistic(300, 1);
    expect(maxDiff(pipelineProbability(fed, study.x), pooledP)).toBeLessThan(1e-6);
  });

  it('more local steps drift toward each center’s own optimum (0.017 with 2, 0.054 with 5 here)', () => {
    const two = maxDiff(pipelineProbability(federateLogistic(300, 2), study.x), pooledP);
    const five = maxDiff(pipelineProbability(federateLogistic(300, 5), study.x), pooledP);
    expect(two).toBeGreaterThan(1e-3);
    expect(two).toBeLessThan(0.03);
    expect(five).toBeGreaterThan(two);
    expect(five).toBeLessThan(0.08);
  });

  it('a merged forest holds every center’s trees and ranks as well as a pooled forest', () => {
    const s: FederationSettings = {
      federation: 'test',
      family: 'forest',
      features,
      trees: 60,
      seed: 1,
    };
    const n = study.y.length;
    const merged = coordinatorForest(
      s,
      centers.map((c, k) => centerForest(s, c, n, k)),
    );
    expect(merged.trees).toHaveLength(60);
    const auc = rocAuc(pipelineProbability(federatedPipeline(s, merged), study.x), study.y);
    expect(auc).toBeGreaterThan(0.9);
  });
});

describe('federated linear SVM (squared hinge, federated Newton steps)', () => {
  // scikit-learn's fixture cases as three centers of 60, 70 and 70; the pooled optimum of the same
  // objective from scipy, polished by Newton (LinearSVC agrees to 1e-6; tools/models/).
  const rows = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
  const x = {
    rows: sk.Xtrain.length,
    cols: sk.Xtrain[0].length,
    data: Float64Array.from(sk.Xtrain.flat()),
  };
  const y = Uint8Array.from(sk.ytrain);
  const skCenters: CenterData[] = [rows(0, 60), rows(60, 130), rows(130, 200)].map((idx, k) => ({
    name: `center-${k + 1}`,
    x: takeRows(x, idx),
    y: takeLabels(y, idx),
  }));
  const fixtureGap = (rounds: number) => {
    const { final } = federateSvm(skCenters, x.cols, rounds);
    return Math.max(
      maxDiff(final.linear!.weights, squaredHinge.coef),
      Math.abs(final.linear!.intercept - squaredHinge.intercept),
    );
  };

  // Largest parameter difference by rounds here: 0.42, 0.067, 0.017, 6.7e-4, then 5.5e-13 at 5.
  it('reaches the pooled optimum within 1e-9 in 5 Newton rounds (0.017 away after 3)', () => {
    expect(fixtureGap(5)).toBeLessThan(1e-9);
    const three = fixtureGap(3);
    expect(three).toBeLessThan(0.05);
    expect(three).toBeGreaterThan(1e-3); // the rounds matter: not there after 3
  });

  it('stays at the optimum with more rounds than it needs', () => {
    expect(fixtureGap(30)).toBeLessThan(1e-9);
  });

  it('Platt’s sigmoid by federated Newton steps equals fitPlatt on the pooled decision values', () => {
    const { model: fed } = federateSvm(centers, 8, 12, PLATT_ROUNDS);
    const f = svmDecision(
      fed.classifier as Parameters<typeof svmDecision>[0],
      applyScaler(fed.scaler!, study.x),
    );
    const pooledSigmoid = fitPlatt(f, study.y);
    const fedSigmoid = (fed.classifier as { sigmoid: { a: number; b: number } }).sigmoid;
    expect(Math.abs(fedSigmoid.a - pooledSigmoid.a)).toBeLessThan(1e-6);
    expect(Math.abs(fedSigmoid.b - pooledSigmoid.b)).toBeLessThan(1e-6);
    expect(pipelineProbability(fed, study.x).every((p) => p > 0 && p < 1)).toBe(true);
    expect(rocAuc(f, study.y)).toBeGreaterThan(0.8);
  });
});

describe('signed model updates', () => {
  const s: FederationSettings = { federation: 'test', family: 'logreg-l2', features };
  const update = centerStats(s, centers[0]);

  it('a trusted, signed update for the expected round is read back as sent', async () => {
    const keys = await generateSigningKeys();
    const text = JSON.stringify(await signUpdate(update, keys.privateKey, keys.publicKey));
    const trusted = new Set([await keyFingerprint(keys.publicKey)]);
    const read = await readUpdate(text, {
      federation: 'test',
      round: 0,
      family: 'logreg-l2',
      trusted,
    });
    expect(read).toEqual(update);
    expect(Object.keys(read)).not.toContain('x');
  });

  it('an untrusted key, a wrong round and a changed parameter are each refused', async () => {
    const keys = await generateSigningKeys();
    const other = await generateSigningKeys();
    const signed = await signUpdate(update, keys.privateKey, keys.publicKey);
    const text = JSON.stringify(signed);
    const trusted = new Set([await keyFingerprint(keys.publicKey)]);
    const expected = { federation: 'test', round: 0, family: 'logreg-l2' as const, trusted };
    const untrusted = new Set([await keyFingerprint(other.publicKey)]);
    await expect(readUpdate(text, { ...expected, trusted: untrusted })).rejects.toMatchObject({
      code: 'update-untrusted',
    });
    await expect(readUpdate(text, { ...expected, round: 3 })).rejects.toMatchObject({
      code: 'update-wrong-round',
    });
    const tampered = JSON.stringify({ ...signed, update: { ...update, cases: update.cases + 1 } });
    await expect(readUpdate(tampered, expected)).rejects.toMatchObject({
      code: 'update-signature',
    });
  });
});
