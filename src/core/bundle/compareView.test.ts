// The comparison view's statistics on the features that used to show ICC(3,1) = 1.97 or −1.11
// (identical or constant at both centers), and its hint when no case key is shared.
import { describe, expect, it } from 'vitest';
import { compareForView } from './compareView.ts';
import type { FeatureResult, Manifest } from './types.ts';

function manifest(center: string, keys: string[], values: Record<string, number[]>): Manifest {
  const features: FeatureResult[] = keys.map((caseKey, i) => ({
    caseKey,
    roi: 'whole-image',
    params: {},
    paramsHash: 'h',
    features: Object.entries(values).map(([code, v]) => ({ name: code, code, value: v[i] })),
  }));
  const partial = {
    center: { name: center },
    createdAt: '2026-12-06T00:00:00Z',
    results: { features, predictions: [], edges: [] },
  };
  return partial as unknown as Manifest;
}

const keys = ['k1', 'k2', 'k3', 'k4', 'k5'];
// Real-looking feature values: large, with fractions that do not round-trip exactly.
const varying = [183421.7734375, 90211.0625, 150377.3359375, 120000.1, 99999.97];
const constant = [0.30000000000000004, 0.30000000000000004, 0.1 + 0.2, 0.3 + 5e-17, 0.1 + 0.2];

describe('comparison view statistics', () => {
  it('gives ICC 1 for a feature identical at both centers and undefined for a constant one', () => {
    const a = manifest('A', keys, { SAME: varying, CONST: constant });
    const b = manifest('B', keys, { SAME: varying, CONST: constant.toReversed() });
    const view = compareForView([a, b], undefined, undefined);
    const same = view.comparison.featureAgreement.find((f) => f.code === 'SAME')!;
    const flat = view.comparison.featureAgreement.find((f) => f.code === 'CONST')!;
    expect(same.icc!.icc21).toBeCloseTo(1, 9);
    expect(same.icc!.icc31).toBeCloseTo(1, 9);
    expect(same.icc!.icc31).toBeLessThanOrEqual(1);
    expect(flat.icc!.undefinedReason).toBe('no-variance');
    expect(flat.icc!.icc21).toBeNaN();
    expect(flat.icc!.icc31).toBeNaN();
    expect(view.hint).toBeUndefined();
  });

  it('says "different collaboration keys?" when two bundles share no case key', () => {
    const a = manifest('A', keys, { SAME: varying });
    const b = manifest(
      'B',
      keys.map((k) => `other-${k}`),
      { SAME: varying },
    );
    const view = compareForView([a, b], undefined, undefined);
    expect(view.hint?.code).toBe('no-shared-cases');
    expect(view.hint?.reason).toContain('different collaboration keys?');
    expect(view.comparison.featureAgreement.every((f) => f.n === 0 || !f.icc)).toBe(true);
  });
});
