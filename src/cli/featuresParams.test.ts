// The settings travel with the results: a record's `params`, a bundle result's `params` (with
// its ROI) and a settings file written by the workbench's rule all rerun `consilium features`
// to the same values, on the committed CT + RTSTRUCT fixture.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureSet } from '../core/analysis/computeFeatures.ts';
import { readSettings } from '../core/analysis/paramsFile/readSettings.ts';
import { settingsText } from '../core/analysis/paramsFile/writeSettings.ts';
import { featureResultFromAnalysis } from '../core/bundle/fromAnalysis.ts';
import { importCollaborationKey } from '../core/crypto/hmac.ts';

const fixtures = 'src/core/masks/fixtures';
const dir = mkdtempSync(join(tmpdir(), 'consilium-rerun-'));

interface Record {
  ok: boolean;
  value: FeatureSet & { roi: { structure: string } };
  error?: { code: string; reason: string };
}

function features(...args: string[]): Record[] {
  const run = spawnSync(
    'node',
    [
      'bin/consilium.mjs',
      'features',
      `${fixtures}/ct`,
      '--mask',
      `${fixtures}/rtstruct.dcm`,
      '--structure',
      'Ring',
      '--json',
      '--jobs',
      '1',
      ...args,
    ],
    { encoding: 'utf8' },
  );
  return run.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record);
}

function saved(name: string, data: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof data === 'string' ? data : JSON.stringify(data));
  return path;
}

describe('consilium features --params from results', () => {
  it("reruns a record's params, a bundle result's params and a saved settings file to the same values", async () => {
    const [first] = features(
      '--resample',
      '0.8,0.8',
      '--interpolation',
      'cubic',
      '--reseg',
      '-100,',
      '--outliers',
      '3',
      '--bin-width',
      '10',
      '--ivh-bin-width',
      '5',
      '--aggregation',
      '2.5d-merged',
      '--ngldm-alpha',
      '1',
    );
    expect(first.ok, first.error?.reason).toBe(true);
    const values = first.value.features.map((f) => [f.ibsiCode, f.aggregation, f.value]);
    expect(values.length).toBeGreaterThan(150);

    const fromRecord = features('--params', saved('record.json', first.value.params));
    expect(fromRecord[0].value.params).toEqual(first.value.params);
    expect(fromRecord[0].value.features.map((f) => [f.ibsiCode, f.aggregation, f.value])).toEqual(
      values,
    );

    const key = await importCollaborationKey(new TextEncoder().encode('a shared secret'));
    const ids = { patientId: 'P', studyInstanceUid: '1.2', seriesInstanceUid: '1.2.3' };
    const result = await featureResultFromAnalysis(
      key,
      ids,
      { name: 'Ring', description: first.value.roi },
      first.value,
    );
    expect(result.params.roi).toEqual(first.value.roi); // the bundle keeps the ROI too
    const fromBundle = features('--params', saved('bundle.json', result.params));
    expect(fromBundle[0].value.features).toEqual(fromRecord[0].value.features);

    const read = readSettings(JSON.stringify(first.value.params));
    if (!read.ok) throw new Error(read.error.reason);
    const yaml = saved('settings.yaml', settingsText(read.value.settings, 'yaml'));
    expect(features('--params', yaml)[0].value.features).toEqual(first.value.features);
  }, 120_000);

  it('a PyRadiomics file gives the values of the Consilium options it maps to', () => {
    const py = saved(
      'Params.yaml',
      'imageType:\n  Original: {}\nsetting:\n  binCount: 16\n  resegmentRange: [-100, 300]\n  force2D: true\n  gldm_a: 1\n',
    );
    const [fromPy] = features('--params', py, '--families', 'glcm,ngldm,intensity-statistics');
    const [fromOptions] = features(
      '--bin-count',
      '16',
      '--reseg',
      '-100,300',
      '--aggregation',
      '2.5d-direction-merged',
      '--ngldm-alpha',
      '1',
    );
    expect(fromPy.value.params).toEqual(fromOptions.value.params);
    const families = new Set(['glcm', 'ngldm', 'intensity-statistics']);
    const key = (f: { family: string; ibsiCode: string; aggregation: string }) =>
      `${f.family}/${f.ibsiCode}/${f.aggregation}`;
    const sorted = (fs: FeatureSet['features']) =>
      [...fs].sort((a, b) => key(a).localeCompare(key(b)));
    expect(new Set(fromPy.value.features.map((f) => f.family))).toEqual(families);
    expect(sorted(fromPy.value.features)).toEqual(
      sorted(fromOptions.value.features.filter((f) => families.has(f.family))),
    );
  }, 120_000);
});
