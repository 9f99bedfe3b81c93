import { describe, expect, it } from 'vitest';
import { readSettings } from '../../core/analysis/paramsFile/readSettings.ts';
import { featureParams } from './featureParams.ts';
import { loadSettingsText, settingsFileText } from './settingsFile.ts';
import type { AnalysisSettings } from './types.ts';

const base: AnalysisSettings = {
  families: ['glcm', 'morphology'],
  binning: 'bin-count',
  binCount: 32,
  binWidth: 25,
  resegment: null,
  aggregation: '3d-merged',
  distance: 1,
};

describe('the Analysis tab settings file', () => {
  it('saves what the CLI reads as the same parameters, and loads it back', () => {
    const s: AnalysisSettings = {
      ...base,
      binning: 'bin-width',
      binWidth: 10,
      resegment: [-Infinity, 400],
      resample: { spacingMm: [1, 1, 2], interpolation: 'cubic', maskThreshold: 0.5 },
      outliers: 3,
      ivhDiscretisation: { kind: 'bin-count', binCount: 100 },
      ngldmAlpha: 1,
      perSlice: false,
    };
    for (const format of ['yaml', 'json'] as const) {
      const text = settingsFileText(s, format);
      const cli = readSettings(text);
      expect(cli.ok && cli.value.settings).toEqual({
        params: featureParams(s),
        families: ['glcm', 'morphology'],
      });
      const back = loadSettingsText(text, `s.${format}`, base);
      expect(back.ok && featureParams(back.value.settings)).toEqual(featureParams(s));
      expect(back.ok && back.value.settings.families).toEqual(['glcm', 'morphology']);
    }
  });

  it('loads a PyRadiomics file, naming its structure; a wrong file is plain words per key', () => {
    const py = loadSettingsText('setting:\n  binCount: 16\n  label: 2\n', 'Params.yaml', base);
    expect(py.ok && py.value.note).toBe('Loaded Params.yaml (PyRadiomics parameters).');
    expect(py.ok && py.value.structures).toEqual(['2']);
    expect(py.ok && py.value.settings.aggregation).toBe('3d-avg');
    const bad = loadSettingsText('binCount: 16\n', 'mine.yaml', base);
    expect(bad.ok || bad.error.reason).toMatch(
      /^mine\.yaml: one setting is wrong:\n {2}binCount: is not a setting/,
    );
  });
});
