import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { familyDefs, featureRegistry } from '../../core/analysis/registry.ts';
import en from '../i18n/locales/en/features.json' with { type: 'json' };
import zh from '../i18n/locales/zh-CN/features.json' with { type: 'json' };
import { resources } from '../i18n/resources.ts';
import { familyName, featureName } from './featureText.ts';

async function tIn(lng: string) {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng, fallbackLng: false, interpolation: { escapeValue: false } });
  return i18n.t;
}

const names = (file: typeof en) => file.name as Record<string, string>;
const families = (file: typeof en) => file.family as Record<string, string>;

describe('IBSI feature names in the interface', () => {
  it('every feature the registry lists has a name in English and in Chinese, by its code', () => {
    const codes = new Set(featureRegistry.map((f) => f.ibsiCode));
    expect(codes.size).toBeGreaterThan(160);
    for (const code of codes) {
      expect(names(en)[code], `en ${code}`).toBeTruthy();
      expect(names(zh)[code], `zh-CN ${code}`).toBeTruthy();
    }
    // Nothing named that the registry does not compute (a stale or mistyped code).
    expect(Object.keys(names(en)).sort()).toEqual([...codes].sort());
    for (const family of Object.keys(familyDefs)) {
      expect(families(en)[family], family).toBeTruthy();
      expect(families(zh)[family], family).toBeTruthy();
    }
  });

  it('English shows IBSI’s own names, so the table matches the exports and the manual', async () => {
    const t = await tIn('en');
    for (const f of featureRegistry) expect(featureName(t, f)).toBe(f.name);
  });

  it('Chinese shows the standard terms, with no English words left', async () => {
    const t = await tIn('zh-CN');
    const shown = featureRegistry.map((f) => featureName(t, f));
    expect(shown[featureRegistry.findIndex((f) => f.ibsiCode === 'GYBY')]).toBe('联合最大值');
    expect(shown[featureRegistry.findIndex((f) => f.ibsiCode === 'ACUI')]).toBe('对比度');
    // The two thresholds of one IVH code stay told apart.
    const ivh = featureRegistry.flatMap((f, i) => (f.ibsiCode === 'BC2M' ? [shown[i]] : []));
    expect(ivh).toEqual([
      '强度分数处的体积分数 [10% 强度处的体积分数]',
      '强度分数处的体积分数 [90% 强度处的体积分数]',
    ]);
    // Single letters are the statistics' own symbols (Moran's I, Geary's C).
    for (const name of shown) expect(name.match(/[A-Za-z]{2,}/g), name).toBeNull();
    expect(familyName(t, 'glcm')).toBe('灰度共生矩阵（GLCM）');
    expect(familyName(t, 'morphology')).toBe('形态学');
  });

  it('a code the namespace lacks keeps its English name rather than a raw key', async () => {
    const t = await tIn('zh-CN');
    expect(featureName(t, { ibsiCode: 'XXXX', name: 'Some filter response' })).toBe(
      'Some filter response',
    );
    expect(familyName(t, 'unknown-family')).toBe('unknown-family');
  });
});
