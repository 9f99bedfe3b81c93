import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parseFeaturesArgs } from './featuresArgs.ts';

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
});
