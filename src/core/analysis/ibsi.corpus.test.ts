// Every implemented feature in every aggregation, on the IBSI digital phantom, against the IBSI
// consensus reference values.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeFeatures, type FeatureValue } from './computeFeatures';
import { parseReferenceTsv, findReference, matchesReference } from './ibsiReference';
import { phantomVolume, type PhantomJson } from './ibsiPhantom';
import { directionalAggregations } from './texture/aggregate';

const dir = '../shared/data/ibsi';
const phantom = phantomVolume(
  JSON.parse(readFileSync(`${dir}/phantom.json`, 'utf8')) as PhantomJson,
);
const rows = parseReferenceTsv(readFileSync(`${dir}/reference.tsv`, 'utf8'));
function computedOnPhantom(): FeatureValue[] {
  const seen = new Map<string, FeatureValue>();
  for (const aggregation of directionalAggregations) {
    const set = computeFeatures(phantom, {
      discretisation: { kind: 'none' },
      aggregation,
      distance: 1,
      ngldmAlpha: 0,
    });
    for (const f of set.features) seen.set(`${f.ibsiCode}|${f.name}|${f.aggregation}`, f);
  }
  return [...seen.values()];
}

describe('IBSI digital phantom', () => {
  it('matches the IBSI reference value of every implemented feature and aggregation', () => {
    const computed = computedOnPhantom();
    const mismatches: string[] = [];
    const covered = new Set<object>();
    let unreferenced = 0;
    for (const f of computed) {
      const row = findReference(rows, f);
      if (!row) {
        unreferenced++;
        continue;
      }
      covered.add(row);
      if (!matchesReference(f.value, row)) {
        mismatches.push(
          `${f.family} ${f.name} (${f.ibsiCode}, ${f.aggregation || '-'}): ${f.value} vs ${row.value} ± ${row.tolerance}`,
        );
      }
    }
    console.log(`IBSI phantom: ${covered.size} of ${rows.length} reference rows covered`);
    expect(mismatches).toEqual([]);
    expect(unreferenced).toBe(0);
    expect(covered.size).toBeGreaterThan(0);
  });

  it('GLCM joint maximum of the phantom, 2D averaged, is 0.519', () => {
    const set = computeFeatures(phantom, {
      discretisation: { kind: 'none' },
      aggregation: '2d-avg',
      distance: 1,
      ngldmAlpha: 0,
    });
    const f = set.features.find((x) => x.ibsiCode === 'GYBY');
    expect(f?.value.toPrecision(3)).toBe('0.519');
  });
});
