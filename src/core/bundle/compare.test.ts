import { describe, expect, it } from 'vitest';
import { compareBundles } from './compare';
import { paramsHash } from './paramsHash';
import { sampleCaseKey, sampleModel, sampleParams } from './sampleResults';
import type { BundleResults, FeatureResult, PredictionResult } from './types';
import { verifyBundle } from './verifyBundle';
import { writeBundle } from './writeBundle';

async function centerResults(
  means: number[],
  predicted: string[],
  pMalignant: number[],
  labels?: string[],
): Promise<BundleResults> {
  const hash = await paramsHash(sampleParams);
  const features: FeatureResult[] = means.map((v, i) => ({
    caseKey: sampleCaseKey(i),
    roi: 'lesion',
    params: sampleParams,
    paramsHash: hash,
    features: [{ name: 'Mean', code: 'Q4LE', value: v }],
  }));
  const predictions: PredictionResult[] = predicted.map((p, i) => ({
    caseKey: sampleCaseKey(i),
    model: sampleModel,
    probabilities: { benign: 1 - pMalignant[i], malignant: pMalignant[i] },
    predicted: p,
    ...(labels ? { label: labels[i] } : {}),
  }));
  return { features, predictions, edges: [] };
}

async function imported(center: string, results: BundleResults) {
  const zip = await writeBundle({
    center,
    software: { name: 'consilium', version: '0.1.0' },
    results,
  });
  const verified = await verifyBundle(zip);
  if (!verified.ok) throw new Error(verified.error.reason);
  return verified.bundle.manifest;
}

describe('compareBundles', () => {
  it('matches cases by pseudonymous key and reports kappa, ICC, Bland-Altman, AUC and unmatched quartiles', async () => {
    const a = await imported(
      'Center A',
      await centerResults(
        [1, 2, 3, 4],
        ['benign', 'benign', 'malignant', 'malignant'],
        [0.1, 0.4, 0.35, 0.8],
        ['benign', 'benign', 'malignant', 'malignant'],
      ),
    );
    // Center B has a fifth case that A never saw.
    const b = await imported(
      'Center B',
      await centerResults(
        [1.5, 2, 2.5, 5, 9],
        ['benign', 'malignant', 'malignant', 'malignant', 'benign'],
        [0.2, 0.6, 0.7, 0.9, 0.1],
      ),
    );
    const c = compareBundles([a, b]);

    expect(c.raters.map((r) => [r.center, r.cases])).toEqual([
      ['Center A', 4],
      ['Center B', 5],
    ]);
    expect(c.labelAgreement).toHaveLength(1);
    const agreement = c.labelAgreement[0];
    expect(agreement.n).toBe(4);
    expect(agreement.percentAgreement).toBeCloseTo(0.75, 12);
    expect(agreement.kappa).toBeCloseTo(0.5, 12);
    expect(agreement.confusion.counts).toEqual([
      [1, 1],
      [0, 2],
    ]);

    expect(c.roc).toHaveLength(1); // only Center A exported ground truth
    expect(c.roc[0]).toMatchObject({
      positiveLabel: 'malignant',
      positives: 2,
      negatives: 2,
      auc: 0.75,
    });

    const mean = c.featureAgreement.find((f) => f.code === 'Q4LE')!;
    expect(mean).toMatchObject({ n: 4, sameParams: true, centers: ['Center A', 'Center B'] });
    expect(mean.icc!.icc21).toBeCloseTo(0.907216, 6);
    expect(mean.icc!.icc31).toBeCloseTo(0.897959, 6);
    expect(mean.blandAltman[0].result.bias).toBeCloseTo(-0.25, 12);
    expect(mean.blandAltman[0].result.upper).toBeCloseTo(-0.25 + 1.96 * Math.sqrt(1.25 / 3), 12);

    expect(c.distributions).toEqual([
      {
        center: 'Center B',
        code: 'Q4LE',
        name: 'Mean',
        unmatched: { n: 1, min: 9, q1: 9, median: 9, q3: 9, max: 9, mean: 9 },
      },
    ]);
  });
});
