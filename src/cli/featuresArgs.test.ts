import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../core/analysis/params.ts';
import { parseFeaturesArgs } from './featuresArgs.ts';

const dir = mkdtempSync(join(tmpdir(), 'consilium-params-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('consilium features options', () => {
  it('reads paths, a mask folder, bin width, resegmentation and aggregation', () => {
    const a = parseFeaturesArgs([
      'img',
      '--mask',
      'm1',
      'm2',
      '--bin-width',
      '25',
      '--reseg',
      '-1000,400',
      '--aggregation',
      '2.5d-merged',
      '--json',
    ]);
    expect(a.paths).toEqual(['img']);
    expect(a.maskPaths).toEqual(['m1', 'm2']);
    expect(a.params.discretisation).toEqual({ kind: 'bin-width', binWidth: 25 });
    expect(a.params.resegment).toEqual([-1000, 400]);
    expect(a.params.aggregation).toBe('2.5d-merged');
    expect(a.json).toBe(true);
  });

  it('defaults to 32 bins, 3D merged, distance 1', () => {
    const a = parseFeaturesArgs(['x.dcm', '--roi', '10,20,30,40']);
    expect(a.roi).toEqual([10, 20, 30, 40]);
    expect(a.params.discretisation).toEqual({ kind: 'bin-count', binCount: 32 });
    expect(a.params.aggregation).toBe('3d-merged');
    expect(a.params.distance).toBe(1);
    expect(a.jobs).toBe(availableParallelism());
  });

  it('reads --jobs as a whole number of workers, 1 or more', () => {
    expect(parseFeaturesArgs(['x', '--jobs', '1']).jobs).toBe(1);
    expect(parseFeaturesArgs(['x', '--jobs', '12', '--json']).jobs).toBe(12);
    for (const bad of ['0', '-2', '1.5', 'many', '']) {
      expect(() => parseFeaturesArgs(['x', '--jobs', bad])).toThrow(/--jobs needs a whole number/);
    }
    expect(() => parseFeaturesArgs(['x', '--jobs'])).toThrow(/'--jobs <value>' argument missing/);
  });

  it('gives one record per ROI unless --per-slice, which needs in-plane resampling only', () => {
    expect(parseFeaturesArgs(['x']).perSlice).toBe(false);
    expect(parseFeaturesArgs(['x', '--per-slice', '--resample', '1,1']).perSlice).toBe(true);
    expect(() => parseFeaturesArgs(['x', '--per-slice', '--resample', '1,1,1'])).toThrow(
      /resample within slices/,
    );
  });

  it('explains a bad option in plain words', () => {
    expect(() => parseFeaturesArgs(['x', '--roi', '1,2'])).toThrow(/4 comma-separated numbers/);
    expect(() => parseFeaturesArgs(['x', '--aggregation', '4d'])).toThrow(/must be one of/);
    expect(() => parseFeaturesArgs(['--json'])).toThrow(/at least one DICOM/);
    expect(() => parseFeaturesArgs(['x', '--frobnicate'])).toThrow(/Unknown option '--frobnicate'/);
    expect(() => parseFeaturesArgs(['x', '--roi', '1,2,3,4', '--mask', 'm'])).toThrow(
      /--roi or --mask, not both/,
    );
  });

  it('refuses feature settings that cannot work, as `analyze` does (one shared check)', () => {
    expect(() => parseFeaturesArgs(['x', '--bin-width', '0'])).toThrow(/above 0/);
    expect(() => parseFeaturesArgs(['x', '--bin-width', '-25'])).toThrow(/above 0/);
    expect(() => parseFeaturesArgs(['x', '--bin-count', '2.5'])).toThrow(/whole number of bins/);
    expect(() => parseFeaturesArgs(['x', '--bin-count', '8', '--bin-width', '2'])).toThrow(
      /not both/,
    );
    expect(() => parseFeaturesArgs(['x', '--distance', '0'])).toThrow(/--distance/);
    expect(() => parseFeaturesArgs(['x', '--reseg', '400,-1000'])).toThrow(/min not above max/);
  });

  it('reads every setting from --params, and options on the command line override it', () => {
    const yaml = file(
      'ct.yaml',
      `resample: {spacingMm: [1, 1, 2], interpolation: cubic}
resegment: [-1000, 400]
outliers: 3
discretisation: {kind: bin-width, binWidth: 25}
ivhDiscretisation: {kind: bin-width, binWidth: 2.5}
families: [morphology, glcm]
aggregation: 2d-avg
distance: 2
ngldmAlpha: 1
structure: [GTV]
`,
    );
    const a = parseFeaturesArgs(['x', '--mask', 'rs.dcm', '--params', yaml]);
    expect(a.params).toEqual({
      resample: { spacingMm: [1, 1, 2], interpolation: 'cubic', maskThreshold: 0.5 },
      resegment: [-1000, 400],
      outliers: 3,
      discretisation: { kind: 'bin-width', binWidth: 25 },
      ivhDiscretisation: { kind: 'bin-width', binWidth: 2.5 },
      aggregation: '2d-avg',
      distance: 2,
      ngldmAlpha: 1,
    });
    expect(a.families).toEqual(['morphology', 'glcm']);
    expect(a.structures).toEqual(['GTV']);
    const over = parseFeaturesArgs([
      'x',
      '--mask',
      'rs.dcm',
      '--params',
      yaml,
      '--bin-count',
      '16',
      '--interpolation',
      'linear',
      '--ngldm-alpha',
      '0',
      '--families',
      'glrlm,ngtdm',
      '--structure',
      'CTV',
    ]);
    expect(over.params).toMatchObject({
      resample: { spacingMm: [1, 1, 2], interpolation: 'linear', maskThreshold: 0.5 },
      discretisation: { kind: 'bin-count', binCount: 16 },
      ngldmAlpha: 0,
      outliers: 3,
    });
    expect(over.families).toEqual(['glrlm', 'ngtdm']);
    expect(over.structures).toEqual(['CTV']);
    expect(over.settings).toEqual({
      params: over.params,
      families: ['glrlm', 'ngtdm'],
      structures: ['CTV'],
    });
  });

  it('reads a PyRadiomics parameter file and JSON, and an empty file is the defaults', () => {
    const py = file('Params.yaml', 'setting:\n  binCount: 16\n  label: 2\n  force2D: true\n');
    const a = parseFeaturesArgs(['x', '--mask', 'labels.nii.gz', '--params', py]);
    expect(a.params.discretisation).toEqual({ kind: 'bin-count', binCount: 16 });
    expect(a.params.aggregation).toBe('2.5d-direction-merged');
    expect(a.structures).toEqual(['2']);
    expect(a.families).toContain('ngldm');
    const json = file('p.json', '{"resegment": [null, 400], "perSlice": true}');
    const b = parseFeaturesArgs(['x', '--params', json]);
    expect(b.params.resegment).toEqual([null, 400]);
    expect(b.perSlice).toBe(true);
    expect(parseFeaturesArgs(['x', '--params', file('empty.yaml', '')]).params).toEqual(
      defaultParams,
    );
  });

  it('refuses a wrong settings file with one line per key (code and plain words)', () => {
    const bad = file('bad.yaml', 'distance: 0\nfrobnicate: true\naggregation: 4d\n');
    let error: unknown;
    try {
      parseFeaturesArgs(['x', '--params', bad]);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({
      code: 'bad-settings',
      params: { file: bad, keys: 'frobnicate, aggregation, distance' },
    });
    expect((error as Error).message.split('\n')).toEqual([
      `${bad}: 3 settings are wrong:`,
      expect.stringMatching(/^ {2}frobnicate: is not a setting.*\[unknown-key\]$/),
      expect.stringMatching(
        /^ {2}aggregation: must be one of 2d-avg, .* \(got "4d"\) \[not-one-of\]$/,
      ),
      '  distance: must be at least 1 (got 0) [out-of-range]',
    ]);
    expect(() => parseFeaturesArgs(['x', '--params', join(dir, 'missing.yaml')])).toThrow(
      /cannot be read/,
    );
    expect(() => parseFeaturesArgs(['x', '--params', file('s.yaml', 'structure: [GTV]')])).toThrow(
      /structure of .*s\.yaml chooses among the structures of --mask/,
    );
    expect(() => parseFeaturesArgs(['x', '--families', 'glcm,texture'])).toThrow(
      /--families takes a comma-separated list of/,
    );
  });

  it('expresses the IBSI CT phantom configurations A-E as settings files equal to their options', () => {
    const configs: [string, string[], string][] = [
      [
        'A',
        ['--aggregation', '2d-avg', '--reseg', '-500,400', '--bin-width', '25'],
        'aggregation: 2d-avg\nresegment: [-500, 400]\ndiscretisation: {kind: bin-width, binWidth: 25}',
      ],
      [
        'B',
        [
          '--aggregation',
          '2d-avg',
          '--reseg',
          '-500,400',
          '--resample',
          '2,2',
          '--interpolation',
          'linear',
          '--bin-count',
          '32',
        ],
        'aggregation: 2d-avg\nresegment: [-500, 400]\nresample: {spacingMm: [2, 2], interpolation: linear}\ndiscretisation: {kind: bin-count, binCount: 32}',
      ],
      [
        'C',
        [
          '--resample',
          '2,2,2',
          '--reseg',
          '-1000,400',
          '--bin-width',
          '25',
          '--ivh-bin-width',
          '2.5',
          '--aggregation',
          '3d-merged',
        ],
        'resample: {spacingMm: [2, 2, 2]}\nresegment: [-1000, 400]\ndiscretisation: {kind: bin-width, binWidth: 25}\nivhDiscretisation: {kind: bin-width, binWidth: 2.5}\naggregation: 3d-merged',
      ],
      [
        'D',
        ['--resample', '2,2,2', '--outliers', '3', '--bin-count', '32'],
        'resample: {spacingMm: [2, 2, 2]}\noutliers: 3\ndiscretisation: {kind: bin-count, binCount: 32}',
      ],
      [
        'E',
        [
          '--resample',
          '2,2,2',
          '--interpolation',
          'cubic',
          '--reseg',
          '-500,400',
          '--outliers',
          '3',
          '--bin-count',
          '32',
          '--ivh-bin-count',
          '1000',
        ],
        'resample: {spacingMm: [2, 2, 2], interpolation: cubic}\nresegment: [-500, 400]\noutliers: 3\ndiscretisation: {kind: bin-count, binCount: 32}\nivhDiscretisation: {kind: bin-count, binCount: 1000}',
      ],
    ];
    for (const [name, flags, yaml] of configs) {
      const fromFlags = parseFeaturesArgs(['x', ...flags]).params;
      const fromFile = parseFeaturesArgs(['x', '--params', file(`${name}.yaml`, yaml)]).params;
      expect(fromFile, `configuration ${name}`).toEqual(fromFlags);
    }
  });
});
