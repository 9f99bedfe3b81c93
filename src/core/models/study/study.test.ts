// The study table from several centers' manifests, and ComBat over it with its Problems.
import { describe, expect, it } from 'vitest';
import { paramsHash } from '../../bundle/paramsHash.ts';
import type { FeatureResult, Manifest } from '../../bundle/types.ts';
import { seededRandom } from '../classifiers/random.ts';
import { harmonizeStudy } from './harmonizeStudy.ts';
import { labelsByCase } from './labelsByCase.ts';
import { studyCsv } from './studyCsv.ts';
import { studyTable, type StudySource } from './studyTable.ts';

const params = { discretisation: { method: 'FBN', bins: 32 }, roi: 'whole-image' };
const other = { discretisation: { method: 'FBS', width: 25 }, roi: 'whole-image' };
const random = seededRandom(7);
const normal = () => {
  const u = 1 - random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
};

interface Center {
  name: string;
  cases: number;
  shift: number;
  scale: number;
  settings?: typeof params | typeof other;
  /** Codes computed with `other` settings at this center (a second result per case). */
  otherCodes?: string[];
}

const CODES = ['AAAA', 'BBBB', 'CCCC', 'DDDD', 'ZERO'];

async function manifest(c: Center, start: number): Promise<Manifest> {
  const hash = await paramsHash(c.settings ?? params);
  const features: FeatureResult[] = [];
  for (let i = 0; i < c.cases; i++) {
    const label = i % 2 ? 'malignant' : 'benign';
    const value = (k: number) =>
      10 * (k + 1) + (label === 'malignant' ? 2 : 0) + c.shift + c.scale * normal();
    features.push({
      caseKey: (start + i).toString(16).padStart(32, '0'),
      roi: 'whole-image',
      params: c.settings ?? params,
      paramsHash: hash,
      label,
      features: CODES.map((code, k) => ({
        code,
        name: `Feature ${code}`,
        value: code === 'ZERO' ? 1 : c.otherCodes?.includes(code) ? null : value(k),
      })),
    });
  }
  return {
    format: 'consilium-bundle',
    version: '1.0',
    center: { name: c.name },
    software: { name: 'consilium', version: 'test' },
    createdAt: '2026-01-01T00:00:00Z',
    members: [],
    results: { features, predictions: [], edges: [] },
  };
}

async function sources(centers: Center[]): Promise<StudySource[]> {
  return Promise.all(
    centers.map(async (c, k) => ({ center: c.name, manifest: await manifest(c, 1000 * k) })),
  );
}

const three: Center[] = [
  { name: 'North', cases: 30, shift: 0, scale: 1 },
  { name: 'South', cases: 25, shift: 6, scale: 2 },
  { name: 'West', cases: 35, shift: -4, scale: 0.5 },
];

describe('study table', () => {
  it('pools features computed with identical settings and states each one left out', async () => {
    const src = await sources(three);
    // West computed DDDD with other settings: a second result for its cases.
    const hash = await paramsHash(other);
    const west = src[2].manifest;
    const extra = west.results.features.map((r) => ({
      ...r,
      roi: r.roi,
      params: other,
      paramsHash: hash,
      features: [{ code: 'DDDD', name: 'Feature DDDD', value: 3 }],
    }));
    const withoutD = west.results.features.map((r) => ({
      ...r,
      features: r.features.filter((f) => f.code !== 'DDDD'),
    }));
    // Same case and ROI twice from one center: the first is kept, the duplicate stated.
    src[2] = {
      center: 'West',
      manifest: { ...west, results: { ...west.results, features: [...withoutD, ...extra] } },
    };
    const table = studyTable(src);
    expect(table.rows.length).toBe(90);
    expect(table.features.map((f) => f.code)).toEqual(['AAAA', 'BBBB', 'CCCC', 'ZERO']);
    expect(table.notes.filter((n) => n.code === 'STUDY_DUPLICATE_CASE').length).toBe(35);
    expect(table.notes.find((n) => n.code === 'STUDY_FEATURE_MISSING')?.params.feature).toBe(
      'DDDD',
    );
    const csv = studyCsv(table);
    expect(csv.split('\n')[0]).toBe(
      'caseKey,center,roi,label,Feature AAAA [AAAA],Feature BBBB [BBBB],Feature CCCC [CCCC],Feature ZERO [ZERO]',
    );
    expect(csv.split('\n')[1]).toMatch(/^0{32},North,whole-image,benign,/);
  });

  it('states a feature whose settings differ between centers', async () => {
    const src = await sources([
      ...three.slice(0, 2),
      { name: 'West', cases: 10, shift: 0, scale: 1, settings: other },
    ]);
    let error: { code: string; reason: string } | undefined;
    try {
      studyTable(src);
    } catch (e) {
      error = e as { code: string; reason: string };
    }
    expect(error?.code).toBe('STUDY_NO_FEATURES');
    expect(error?.reason).toMatch(
      /Feature AAAA \[AAAA\] was computed with different settings \(North, South \(\w{8}\) vs West \(\w{8}\)\)/,
    );
  });

  it('takes labels from a CSV by case key over the bundles', async () => {
    const labels = labelsByCase(`Case Key,Label\n${'0'.repeat(32)},other\n`);
    const table = studyTable(await sources(three), { labels });
    expect(table.rows[0].label).toBe('other');
    expect(table.rows[1].label).toBe('malignant');
    expect(() => labelsByCase('id,label\n1,a\n')).toThrow(/caseKey/);
  });
});

describe('harmonizing a study', () => {
  it('removes the center effect, keeps the label effect, and applies a saved fit to a new center', async () => {
    const table = studyTable(await sources(three));
    const h = harmonizeStudy(table, { covariate: 'label', referenceCenter: 'North' });
    expect(h.notes.map((n) => n.code)).toEqual(['STUDY_ZERO_VARIANCE']);
    expect(h.table.features.map((f) => f.code)).toEqual(['AAAA', 'BBBB', 'CCCC', 'DDDD']);
    expect(h.before!.significant).toBe(4);
    // North sits between the others, which a linear one-vs-rest model separates less well.
    expect(h.before!.centerAuc.meanAuc).toBeGreaterThan(0.8);
    expect(h.after!.significant).toBe(0);
    expect(h.after!.centerAuc.meanAuc).toBeLessThan(0.7);
    // The label's effect (2 units) survives harmonization.
    const mean = (label: string) => {
      const v = h.table.rows.filter((r) => r.label === label).map((r) => r.values[0]);
      return v.reduce((s, x) => s + x, 0) / v.length;
    };
    expect(mean('malignant') - mean('benign')).toBeGreaterThan(1.2);

    // A new center, harmonized later with the saved fit (through JSON).
    const fresh = studyTable(await sources([{ name: 'East', cases: 20, shift: 9, scale: 3 }]));
    const applied = harmonizeStudy(fresh, { apply: JSON.parse(JSON.stringify(h.fit)) });
    expect(applied.notes.map((n) => n.code)).toEqual(['COMBAT_FIT_FEATURE_EXTRA']);
    const north = h.table.rows.filter((r) => r.center === 'North').map((r) => r.values[1]);
    const east = applied.table.rows.map((r) => r.values[1]);
    const avg = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
    expect(Math.abs(avg(east) - avg(north))).toBeLessThan(1);
    expect(applied.before).toBeUndefined(); // one center: no between-center figures
  });

  it('names each bad input', async () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as { code: string }).code;
      }
      return 'none';
    };
    const one = studyTable(await sources([three[0]]));
    expect(code(() => harmonizeStudy(one))).toBe('STUDY_SINGLE_CENTER');
    const few = studyTable(
      await sources([three[0], { name: 'Tiny', cases: 1, shift: 0, scale: 1 }]),
    );
    expect(code(() => harmonizeStudy(few))).toBe('COMBAT_TOO_FEW_CASES');
    const table = studyTable(await sources(three), {
      labels: { ['0'.repeat(32)]: 'benign' },
    });
    const unlabelled = {
      ...table,
      rows: table.rows.map((r, j) => (j === 3 ? { ...r, label: undefined } : r)),
    };
    expect(code(() => harmonizeStudy(unlabelled, { covariate: 'label' }))).toBe(
      'STUDY_LABEL_MISSING',
    );
    const { fit } = harmonizeStudy(table);
    const otherSettings = {
      ...table,
      features: table.features.map((f) => ({ ...f, paramsHash: 'f'.repeat(64) })),
    };
    expect(code(() => harmonizeStudy(otherSettings, { apply: fit }))).toBe(
      'COMBAT_FIT_SETTINGS_DIFFER',
    );
  });
});
