// IBSI feature and family names in the page's language ("features" namespace, keyed by the IBSI
// code). Only the display is translated: results, exports and the CLI keep IBSI's English names
// and codes, which are the data a researcher matches against other tools.
import type { TFunction } from 'i18next';

/**
 * IBSI lists two intensity-volume histogram features twice, once per threshold, with the
 * threshold in brackets after the name ("Volume at intensity fraction [volume fraction at 10%
 * intensity]"): the code names the feature, the bracket is said in the language.
 */
const qualifiers: readonly (readonly [RegExp, string])[] = [
  [/^volume fraction at (\d+)% intensity$/, 'volumeAtIntensity'],
  [/^intensity at (\d+)% volume$/, 'intensityAtVolume'],
];

/** A feature's name in the language; a code the namespace lacks keeps its English name. */
export function featureName(t: TFunction, f: { ibsiCode: string; name: string }): string {
  const bracket = /^(.*?)\s*\[(.+)\]$/.exec(f.name);
  const base = bracket ? bracket[1] : f.name;
  const name = t(`features:name.${f.ibsiCode}`, { defaultValue: base });
  if (!bracket) return name;
  for (const [pattern, key] of qualifiers) {
    const m = pattern.exec(bracket[2]);
    if (m) return `${name} [${t(`features:qualifier.${key}`, { percent: m[1] })}]`;
  }
  return `${name} [${bracket[2]}]`;
}

/** An IBSI family id ("glcm") as its name in the language; an unknown id stays as it is. */
export const familyName = (t: TFunction, family: string): string =>
  t(`features:family.${family}`, { defaultValue: family });
