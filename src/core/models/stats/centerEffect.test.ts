// Kruskal-Wallis against scipy.stats.kruskal (tools/models/combat_kruskal.py wrote the values into
// the ComBat fixture), and the center AUC on the same data before and after ComBat.
import { describe, expect, it } from 'vitest';
import fixture from '../harmonize/fixtures/combat.fixtures.json';
import { fitCombat } from '../harmonize/combat.ts';
import { centerEffect } from './centerEffect.ts';
import { chiSquareSurvival } from './chiSquare.ts';
import { kruskalWallis } from './kruskal.ts';

const { train, features } = fixture;
const groups = (data: readonly (readonly number[])[], g: number) =>
  ['A', 'B', 'C'].map((c) => data.filter((_, j) => train.batch[j] === c).map((r) => r[g]));

describe('Kruskal-Wallis against scipy.stats.kruskal', () => {
  it.each([
    ['raw', train.data],
    ['parametric', fixture.expected.parametric],
  ] as const)('H and p per feature on the %s data', (name, data) => {
    fixture.kruskal[name].forEach((ref, g) => {
      const r = kruskalWallis(groups(data, g));
      expect(r.h).toBeCloseTo(ref.h, 9);
      expect(Math.abs(r.p - ref.p) / ref.p).toBeLessThan(1e-9);
    });
  });

  it('corrects for ties as scipy does', () => {
    const t = fixture.kruskal.tied;
    const r = kruskalWallis(
      ['A', 'B', 'C'].map((c) => t.values.filter((_, j) => train.batch[j] === c)),
    );
    expect(r.h).toBeCloseTo(t.h, 9);
    expect(Math.abs(r.p - t.p) / t.p).toBeLessThan(1e-9);
  });

  it('has the chi-square tail of known values', () => {
    expect(chiSquareSurvival(3.841458820694124, 1)).toBeCloseTo(0.05, 12);
    expect(chiSquareSurvival(5.991464547107979, 2)).toBeCloseTo(0.05, 12);
    expect(chiSquareSurvival(0, 2)).toBe(1);
  });
});

describe('center effect before and after ComBat', () => {
  it('is strong in the raw fixture and gone after harmonization', () => {
    const before = centerEffect(train.data, train.batch, features);
    const { harmonized } = fitCombat(train.data, train.batch, features);
    const after = centerEffect(harmonized, train.batch, features);
    expect(before.significant).toBeGreaterThanOrEqual(9);
    expect(before.centerAuc.meanAuc).toBeGreaterThan(0.9);
    expect(after.significant).toBe(0);
    expect(after.medianP).toBeGreaterThan(0.5);
    expect(after.centerAuc.meanAuc).toBeLessThan(0.65);
    expect(after.centerAuc.perCenter.map((c) => c.cases)).toEqual([25, 30, 35]);
  });
});
