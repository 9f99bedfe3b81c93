// ComBat against the reference implementation: R's sva::ComBat on the same matrix
// (tools/models/make-combat-fixtures.R wrote the fixture), harmonized values within 1e-6.
import { describe, expect, it } from 'vitest';
import { applyCombat, fitCombat } from './combat.ts';
import fixture from './fixtures/combat.fixtures.json';
import type { CombatOptions, FeatureRows } from './types.ts';

const { features, train } = fixture;
const malignant = {
  name: 'label=malignant',
  values: train.label.map((l) => (l === 'malignant' ? 1 : 0)),
};
// R's model.matrix(~label) has an intercept too: ours drops it, as sva does.
const intercept = { name: '(Intercept)', values: train.label.map(() => 1) };

function expectClose(actual: FeatureRows, expected: FeatureRows, tol = 1e-6) {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  actual.forEach((row, j) =>
    row.forEach((v, g) => {
      const e = expected[j][g];
      worst = Math.max(worst, Math.abs(v - e) / Math.max(1, Math.abs(e)));
    }),
  );
  expect(worst).toBeLessThan(tol);
}

const cases: [keyof typeof fixture.expected, CombatOptions][] = [
  ['parametric', {}],
  ['nonparametric', { method: 'nonparametric' }],
  ['meanOnly', { meanOnly: true }],
  ['meanOnlyNonparametric', { meanOnly: true, method: 'nonparametric' }],
  ['withLabel', { covariates: [intercept, malignant] }],
  ['withLabelNonparametric', { covariates: [intercept, malignant], method: 'nonparametric' }],
  ['reference', { referenceBatch: 'A' }],
  ['referenceWithLabel', { referenceBatch: 'A', covariates: [intercept, malignant] }],
  ['referenceNonparametric', { referenceBatch: 'A', method: 'nonparametric' }],
];

describe('ComBat against sva::ComBat', () => {
  it.each(cases)('%s matches R to 1e-6', (name, options) => {
    const { harmonized, fit } = fitCombat(train.data, train.batch, features, options);
    expectClose(harmonized, fixture.expected[name]);
    // The saved fit, through JSON, gives the same values back for the same cases.
    const saved = JSON.parse(JSON.stringify(fit));
    const covariates = options.covariates?.filter((c) => c.name !== '(Intercept)');
    expectClose(
      applyCombat(saved, train.data, train.batch, covariates),
      fixture.expected[name],
      1e-9,
    );
  });

  it('leaves the reference center exactly as it was', () => {
    const { harmonized } = fitCombat(train.data, train.batch, features, { referenceBatch: 'A' });
    train.batch.forEach((b, j) => {
      if (b === 'A') expect(harmonized[j]).toEqual(train.data[j]);
    });
  });

  it.each(['parametric', 'nonparametric'] as const)(
    'brings a new center to the reference as sva does with all centers at once (%s)',
    (method) => {
      const { fit } = fitCombat(train.data, train.batch, features, {
        referenceBatch: 'A',
        method,
      });
      const out = applyCombat(fit, fixture.newCenter.data, fixture.newCenter.batch);
      expectClose(out, fixture.newCenter.expected[method]);
    },
  );

  it('leaves a feature that is constant within a center unadjusted, as sva does', () => {
    const z = fixture.zeroVariance;
    const data = train.data.map((row, j) =>
      row.map((v, g) => (g === z.feature - 1 && train.batch[j] === z.center ? z.value : v)),
    );
    const { harmonized, fit } = fitCombat(data, train.batch, features);
    expect(fit.unadjusted).toEqual([features[z.feature - 1]]);
    expectClose(harmonized, z.expected);
  });
});

describe('ComBat refuses what it cannot harmonize', () => {
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return (e as { code: string }).code;
    }
    return 'none';
  };
  it('names each problem', () => {
    const one = train.batch.map(() => 'A');
    expect(code(() => fitCombat(train.data, one, features))).toBe('COMBAT_SINGLE_CENTER');
    const lonely = train.batch.map((b, j) => (j === 0 ? 'Z' : b));
    expect(code(() => fitCombat(train.data, lonely, features))).toBe('COMBAT_TOO_FEW_CASES');
    expect(code(() => fitCombat(train.data, train.batch, features, { referenceBatch: 'Q' }))).toBe(
      'COMBAT_REFERENCE_UNKNOWN',
    );
    const byCenter = { name: 'center=B', values: train.batch.map((b) => (b === 'B' ? 1 : 0)) };
    expect(
      code(() => fitCombat(train.data, train.batch, features, { covariates: [byCenter] })),
    ).toBe('COMBAT_CONFOUNDED');
    const missing = train.data.map((r, j) => (j === 3 ? r.map((v, g) => (g ? v : NaN)) : r));
    expect(code(() => fitCombat(missing, train.batch, features))).toBe('COMBAT_MISSING_VALUE');
    const { fit } = fitCombat(train.data, train.batch, features, { covariates: [malignant] });
    expect(code(() => applyCombat(fit, train.data, train.batch))).toBe('COMBAT_COVARIATE');
  });
});

describe('a saved fit read back', () => {
  it('round-trips through parseCombatFit and refuses a damaged one', async () => {
    const { parseCombatFit } = await import('./fitJson.ts');
    const { fit } = fitCombat(train.data, train.batch, features);
    expect(parseCombatFit(JSON.stringify(fit))).toEqual(fit);
    const damaged = { ...fit, varPooled: fit.varPooled.slice(1) };
    expect(() => parseCombatFit(JSON.stringify(damaged))).toThrow(/varPooled must be 10 finite/);
    expect(() => parseCombatFit('{"format":"other"}')).toThrow(/format/);
    expect(() => parseCombatFit('not json')).toThrow(/not JSON/);
  });
});
