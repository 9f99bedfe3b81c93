import { describe, expect, it } from 'vitest';
import { defaultParams } from '../params.ts';
import { readSettings } from './readSettings.ts';
import { settingsText } from './writeSettings.ts';

function problems(text: string): string[] {
  const r = readSettings(text, 'p.yaml');
  if (r.ok) throw new Error('expected a refusal');
  expect(r.error.code).toBe('bad-settings');
  return r.error.reason.split('\n').slice(1);
}

describe('settings files', () => {
  it('reads every setting from YAML into the core parameters', () => {
    const r = readSettings(`
resample: {spacingMm: [1, 1, 2], interpolation: cubic, maskThreshold: 0.4}
resegment: [-1000, 400]
outliers: 3
discretisation: {kind: bin-width, binWidth: 25}
ivhDiscretisation: {kind: bin-width, binWidth: 2.5}
families: [morphology, glcm]
aggregation: 2.5d-merged
distance: 2
ngldmAlpha: 1
perSlice: false
structure: [GTV, "2"]
`);
    expect(r.ok && r.value.settings).toEqual({
      params: {
        resample: { spacingMm: [1, 1, 2], interpolation: 'cubic', maskThreshold: 0.4 },
        resegment: [-1000, 400],
        outliers: 3,
        discretisation: { kind: 'bin-width', binWidth: 25 },
        ivhDiscretisation: { kind: 'bin-width', binWidth: 2.5 },
        aggregation: '2.5d-merged',
        distance: 2,
        ngldmAlpha: 1,
      },
      families: ['morphology', 'glcm'],
      perSlice: false,
      structures: ['GTV', '2'],
    });
  });

  it('takes absent keys from the core defaults; an empty file is the defaults', () => {
    const r = readSettings('');
    expect(r.ok && r.value.settings).toEqual({ params: defaultParams });
    const j = readSettings('{"resample": {"spacingMm": [0.8, 0.8]}, "resegment": [null, 400]}');
    expect(j.ok && j.value.settings.params).toEqual({
      ...defaultParams,
      resample: { spacingMm: [0.8, 0.8], interpolation: 'linear', maskThreshold: 0.5 },
      resegment: [null, 400],
    });
  });

  it("reads a result's params (with its roi, never applied) as the same settings", () => {
    const params = {
      discretisation: { kind: 'bin-count', binCount: 16 },
      aggregation: '2d-avg',
      distance: 1,
      ngldmAlpha: 0,
      resample: { spacingMm: [2, 2, 2], interpolation: 'linear', maskThreshold: 0.5 },
      roi: { kind: 'rtstruct', file: 'rs.dcm', structure: 'GTV', number: 1, voxels: 1234 },
    };
    const r = readSettings(JSON.stringify(params));
    const { roi: _roi, ...rest } = params;
    expect(r.ok && r.value.settings).toEqual({ params: rest });
  });

  it('writes YAML and JSON that read back to the same settings', () => {
    const r = readSettings(
      'resample: {spacingMm: [1, 1]}\nresegment: [null, 3000]\nfamilies: [glrlm]\nperSlice: true\nstructure: [Liver]',
    );
    if (!r.ok) throw new Error(r.error.reason);
    for (const format of ['yaml', 'json'] as const) {
      const back = readSettings(settingsText(r.value.settings, format));
      expect(back.ok && back.value.settings).toEqual(r.value.settings);
    }
    expect(settingsText(r.value.settings, 'yaml')).toContain('spacingMm: [1, 1]');
  });

  it('names every wrong key once, with a code and plain words', () => {
    const lines = problems(`
frobnicate: 3
resample: {spacingMm: [1, 1, 0], interpolation: bicubic}
discretisation: {kind: bin-width, binCount: 3}
ivhDiscretisation: {kind: fixed}
resegment: [-1000, "x"]
families: [glcm, texture]
distance: 0
ngldmAlpha: 0.5
outliers: .inf
structure: GTV
`);
    expect(lines).toEqual([
      expect.stringMatching(
        /^ {2}frobnicate: is not a setting.*known: resample, .*\[unknown-key\]$/,
      ),
      '  resample.spacingMm[2]: must be above 0 (got 0) [out-of-range]',
      '  resample.interpolation: must be one of nearest, linear, cubic (got "bicubic") [not-one-of]',
      '  resegment[1]: must be a number or null (got "x") [wrong-type]',
      '  outliers: must be a number (got Infinity) [wrong-type]',
      '  discretisation.binWidth: is missing [missing]',
      '  discretisation.binCount: is not a setting here; known: kind, binWidth [unknown-key]',
      expect.stringMatching(/^ {2}ivhDiscretisation.kind: must be one of bin-count, .*"fixed"/),
      expect.stringMatching(/^ {2}families\[1\]: must be one of .*"texture"\) \[not-one-of\]$/),
      '  distance: must be at least 1 (got 0) [out-of-range]',
      '  ngldmAlpha: must be a whole number (got 0.5) [wrong-type]',
      '  structure: must be a list (got "GTV") [wrong-type]',
    ]);
  });

  it('refuses settings that contradict each other, and text that is not YAML', () => {
    expect(problems('resegment: [400, -1000]')).toEqual([
      '  resegment: needs min not above max (got [400, -1000]) [out-of-range]',
    ]);
    expect(problems('perSlice: true\nresample: {spacingMm: [1, 1, 1]}')[0]).toMatch(
      /^ {2}perSlice: .*\[conflict\]$/,
    );
    expect(problems('families: [glcm, glcm]')).toEqual([
      '  families: lists glcm twice [duplicate]',
    ]);
    const dup = readSettings('distance: 1\ndistance: 2', 'd.yaml');
    expect(dup.ok || dup.error.code).toBe('settings-syntax');
    const bad = readSettings('{"distance": ', 'd.json');
    expect(bad.ok || bad.error.reason).toMatch(/^d\.json is not readable as YAML or JSON/);
    expect(problems('- 1\n- 2')[0]).toMatch(/must be a map of keys/);
  });
});
