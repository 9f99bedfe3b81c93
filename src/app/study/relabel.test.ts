// A labels CSV's labels on bundles by case key, and the match report's counts.
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../core/bundle/types.ts';
import { labelsByCase } from '../../core/models/study/labelsByCase.ts';
import { labelsMatch, relabelled } from './relabel.ts';

const manifest = (center: string, cases: [string, string | undefined][]) =>
  ({
    center: { name: center },
    results: {
      features: cases.map(([caseKey, label]) => ({
        caseKey,
        roi: 'whole',
        ...(label ? { label } : {}),
        features: [],
      })),
      predictions: [],
      edges: [],
    },
  }) as unknown as Manifest;

describe('labels from a CSV on the study', () => {
  const ms = [
    manifest('North', [
      ['a', 'benign'],
      ['b', undefined],
    ]),
    manifest('South', [
      ['c', 'malignant'],
      ['d', undefined],
    ]),
  ];
  const labels = labelsByCase('Case Key,Label\na,high\nb,low\nzz,low\n');

  it('replaces the labels of the cases it names and leaves the others', () => {
    const out = relabelled(ms, labels).flatMap((m) => m.results.features.map((f) => f.label));
    expect(out).toEqual(['high', 'low', 'malignant', undefined]);
    expect(ms[0].results.features[0].label).toBe('benign');
  });

  it('counts matched rows, unknown keys and cases left with or without a label', () => {
    expect(labelsMatch(ms, labels)).toEqual({
      matched: 2,
      unknown: ['zz'],
      unlabelled: 1,
      keptOwn: 1,
      cases: 4,
    });
  });
});
