// The Analysis tab's settings as a settings file (docs/params.schema.json) and back: Save
// settings… writes what `consilium features --params` reads, and Load settings… reads the same
// files (a PyRadiomics one included) with the core's reader, so both apply the same settings.
import type { FamilyId } from '../../core/analysis/featureDef.ts';
import { readSettings } from '../../core/analysis/paramsFile/readSettings.ts';
import type { FeatureSettings } from '../../core/analysis/paramsFile/settings.ts';
import { settingsText, type SettingsFormat } from '../../core/analysis/paramsFile/writeSettings.ts';
import { familyDefs } from '../../core/analysis/registry.ts';
import type { Result } from '../../core/result.ts';
import { featureParams } from './featureParams.ts';
import type { AnalysisSettings } from './types.ts';

const allFamilies = Object.keys(familyDefs) as FamilyId[];

export function featureSettingsOf(s: AnalysisSettings): FeatureSettings {
  return {
    params: featureParams(s),
    families: allFamilies.filter((f) => s.families.includes(f)),
    ...(s.perSlice ? { perSlice: true } : {}),
  };
}

export function settingsFileText(s: AnalysisSettings, format: SettingsFormat): string {
  return settingsText(featureSettingsOf(s), format);
}

/** File settings as the tab's settings; what the form cannot show keeps its current value. */
export function analysisSettingsOf(
  f: FeatureSettings,
  current: AnalysisSettings,
): AnalysisSettings {
  const p = f.params;
  const d = p.discretisation;
  const r = p.resegment;
  return {
    ...current,
    families: [...(f.families ?? allFamilies)],
    binning: d.kind,
    binCount: d.kind === 'bin-count' ? d.binCount : current.binCount,
    binWidth: d.kind === 'bin-width' ? d.binWidth : current.binWidth,
    resegment: r ? [r[0] ?? -Infinity, r[1] ?? Infinity] : null,
    aggregation: p.aggregation,
    distance: p.distance,
    ngldmAlpha: p.ngldmAlpha,
    perSlice: f.perSlice === true,
    resample: p.resample ? { ...p.resample, spacingMm: [...p.resample.spacingMm] } : null,
    outliers: p.outliers ?? null,
    ivhDiscretisation: p.ivhDiscretisation ?? null,
  };
}

export interface LoadedSettings {
  settings: AnalysisSettings;
  /** The file's `structure` (or PyRadiomics `label`): names or numbers, as --structure takes. */
  structures: string[];
  /** What was read, in plain words. */
  note: string;
  /** The file held PyRadiomics parameters (for the note in the reader's language). */
  pyradiomics: boolean;
}

export function loadSettingsText(
  text: string,
  name: string,
  current: AnalysisSettings,
): Result<LoadedSettings> {
  const r = readSettings(text, name);
  if (!r.ok) return r;
  const { settings, from } = r.value;
  const structures = settings.structures ?? [];
  const note = `Loaded ${name}${from === 'pyradiomics' ? ' (PyRadiomics parameters)' : ''}.`;
  return {
    ok: true,
    value: {
      settings: analysisSettingsOf(settings, current),
      structures,
      note,
      pyradiomics: from === 'pyradiomics',
    },
  };
}
