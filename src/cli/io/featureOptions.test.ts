import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../core/analysis/params.ts';
import { parseCommand } from './commandArgs.ts';
import { featureOptions, featureParamsFrom } from './featureOptions.ts';

const paramsOf = (argv: string[]) =>
  featureParamsFrom(parseCommand(argv, { ...featureOptions, json: { type: 'boolean' } }).values);

describe('feature options', () => {
  it('are the core defaults when none is given', () => {
    expect(paramsOf(['series/'])).toEqual(defaultParams);
  });

  it('set each setting over the defaults, negative numbers included', () => {
    expect(
      paramsOf([
        '--bin-count',
        '16',
        '--reseg',
        '-1000,400',
        '--distance',
        '2',
        '--aggregation',
        '2d-avg',
      ]),
    ).toEqual({
      ...defaultParams,
      discretisation: { kind: 'bin-count', binCount: 16 },
      resegment: [-1000, 400],
      distance: 2,
      aggregation: '2d-avg',
    });
    expect(paramsOf(['--bin-width=0.5']).discretisation).toEqual({
      kind: 'bin-width',
      binWidth: 0.5,
    });
  });

  it('refuse a value that cannot work, naming the option', () => {
    expect(() => paramsOf(['--bin-width', '0'])).toThrow('--bin-width needs a bin size above 0');
    expect(() => paramsOf(['--bin-width', 'wide'])).toThrow('--bin-width needs a number');
    expect(() => paramsOf(['--bin-count', '0'])).toThrow('--bin-count needs a whole number');
    expect(() => paramsOf(['--aggregation', '4d'])).toThrow(/must be one of 2d-avg, /);
    expect(() => paramsOf(['--reseg', '1'])).toThrow('--reseg needs min,max');
  });

  it('read image processing: resampling, open re-segmentation bounds, outliers, IVH bins', () => {
    const p = paramsOf([
      '--resample',
      '2,2',
      '--interpolation',
      'cubic',
      '--mask-threshold',
      '0.4',
      '--reseg',
      '-500,',
      '--outliers',
      '3',
      '--ivh-bin-width',
      '2.5',
    ]);
    expect(p.resample).toEqual({ spacingMm: [2, 2], interpolation: 'cubic', maskThreshold: 0.4 });
    expect(p.resegment).toEqual([-500, null]);
    expect(p.outliers).toBe(3);
    expect(p.ivhDiscretisation).toEqual({ kind: 'bin-width', binWidth: 2.5 });
    // IBSI CT phantom configuration E: 3D 2 mm tricubic, [-500, 400] and 3 SD, 32 bins, IVH
    // 1000 bins (A to D are subsets: no or bilinear/trilinear resampling, one re-segmentation).
    expect(
      paramsOf([
        '--resample=2,2,2',
        '--interpolation=cubic',
        '--reseg=-500,400',
        '--outliers=3',
        '--bin-count=32',
        '--ivh-bin-count=1000',
      ]),
    ).toEqual({
      ...defaultParams,
      resample: { spacingMm: [2, 2, 2], interpolation: 'cubic', maskThreshold: 0.5 },
      resegment: [-500, 400],
      outliers: 3,
      discretisation: { kind: 'bin-count', binCount: 32 },
      ivhDiscretisation: { kind: 'bin-count', binCount: 1000 },
    });
    expect(paramsOf(['--reseg', ',400']).resegment).toEqual([null, 400]);
    expect(paramsOf(['--resample', '1,1,1']).resample?.interpolation).toBe('linear');
  });

  it('refuse image processing settings that cannot work', () => {
    expect(() => paramsOf(['--resample', '1'])).toThrow('--resample needs 2 comma-separated');
    expect(() => paramsOf(['--resample', '1,0'])).toThrow('spacings above 0');
    expect(() => paramsOf(['--resample', '1,1', '--interpolation', 'sinc'])).toThrow(
      /must be one of nearest, linear, cubic/,
    );
    expect(() => paramsOf(['--interpolation', 'cubic'])).toThrow(
      '--interpolation needs --resample',
    );
    expect(() => paramsOf(['--resample', '1,1', '--mask-threshold', '0'])).toThrow(
      'above 0 and at most 1',
    );
    expect(() => paramsOf(['--reseg', ','])).toThrow(/either may be left empty/);
    expect(() => paramsOf(['--reseg', '400,-1000'])).toThrow('min not above max');
    expect(() => paramsOf(['--outliers', '-1'])).toThrow('--outliers needs a number of SDs');
    expect(() => paramsOf(['--ivh-bin-width', '1', '--ivh-bin-count', '9'])).toThrow(
      'Use --ivh-bin-width or --ivh-bin-count, not both.',
    );
  });

  it('leave the base untouched', () => {
    const before = structuredClone(defaultParams);
    paramsOf(['--bin-count', '8', '--aggregation', '2d-avg']);
    expect(defaultParams).toEqual(before);
  });

  it('read a settings file (--params) under the options, and refuse its features-only keys for whole-image commands', () => {
    const dir = mkdtempSync(join(tmpdir(), 'consilium-options-'));
    const file = join(dir, 'p.yaml');
    writeFileSync(
      file,
      'discretisation: {kind: bin-count, binCount: 8}\nresegment: [-1000, null]\n',
    );
    expect(paramsOf(['--params', file, '--distance', '2'])).toEqual({
      ...defaultParams,
      discretisation: { kind: 'bin-count', binCount: 8 },
      resegment: [-1000, null],
      distance: 2,
    });
    writeFileSync(file, 'families: [glcm]\n');
    expect(() => paramsOf(['--params', file])).toThrow(
      /families is a setting of consilium features only/,
    );
  });
});
