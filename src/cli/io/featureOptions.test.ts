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
    expect(() => paramsOf(['--reseg', '1'])).toThrow('--reseg needs 2 comma-separated numbers');
  });

  it('leave the base untouched', () => {
    const before = structuredClone(defaultParams);
    paramsOf(['--bin-count', '8', '--aggregation', '2d-avg']);
    expect(defaultParams).toEqual(before);
  });
});
