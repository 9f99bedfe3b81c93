// Bad filter requests: each gets one Problem with a code and plain words naming what is wrong,
// thrown before any work, and the next good request runs as if nothing happened.
import { describe, expect, it } from 'vitest';
import { problemOf, type Problem } from '../result.ts';
import { filterResponse } from './applyFilter.ts';
import { parseFilterSpec } from './spec.ts';
import { randomVolume } from './testing.ts';

function problem(f: () => unknown): Problem {
  try {
    f();
  } catch (e) {
    return problemOf(e, 'unexpected');
  }
  throw new Error('no problem raised');
}

describe('bad filter requests', () => {
  it('an unknown filter names the filters there are', () => {
    for (const s of ['sobel:sigma=1', 'gauss', ':sigma=2']) {
      const p = problem(() => parseFilterSpec(s));
      expect(p.code, s).toBe('unknown-filter');
      expect(p.reason).toMatch(/mean, log, laws/);
    }
  });

  it('σ ≤ 0, level 0 and other parameters out of range name the parameter and the value', () => {
    for (const [s, parameter] of [
      ['log:sigma=0', 'sigma'],
      ['log:sigma=-2', 'sigma'],
      ['log:sigma=abc', 'sigma'],
      ['log', 'sigma'],
      ['log:sigma=2,truncate=0', 'truncate'],
      ['gabor:sigma=0,lambda=2', 'sigma'],
      ['gabor:sigma=2,lambda=-1', 'lambda'],
      ['riesz-log:sigma=-1,order=100', 'sigma'],
      ['wavelet:level=0', 'level'],
      ['wavelet:level=1.5', 'level'],
      ['simoncelli:level=0', 'level'],
      ['riesz-simoncelli:level=0,order=010', 'level'],
      ['riesz-log:sigma=2,order=000', 'order'],
      ['mean:support=4', 'support'],
      ['mean:support=0', 'support'],
      ['laws:kernel=E5L5S5,delta=-1', 'delta'],
      ['log:sigma=2,pooling=median', 'pooling'],
      ['log:sigma=2,radius=3', 'radius'],
    ]) {
      const p = problem(() => parseFilterSpec(s));
      expect([p.code, p.params.parameter], s).toEqual(['bad-filter-parameter', parameter]);
      expect(p.reason.length, s).toBeGreaterThan(10);
    }
  });

  it('a Laws kernel that does not exist, or one kernel too few or many, is refused', () => {
    for (const s of [
      'laws:kernel=E5Q5S5',
      'laws:kernel=E5L5',
      'laws:kernel=E5L5S5,2d',
      'laws:kernel=E7L5S5',
      'laws:kernel=hello',
    ]) {
      const p = problem(() => parseFilterSpec(s));
      expect([p.code, p.params.parameter], s).toEqual(['bad-filter-parameter', 'kernel']);
      expect(p.reason, s).toMatch(/L3, E3, S3, L5, E5, S5, W5, R5/);
    }
  });

  it('every 3D filter on a single slice says to use the 2D filter, and the 2D one runs', () => {
    const one = randomVolume([16, 16, 1]);
    for (const s of [
      'mean:support=3',
      'log:sigma=2',
      'laws:kernel=E5L5S5',
      'wavelet:wavelet=db2,response=LHL',
      'simoncelli:level=1',
      'riesz-log:sigma=2,order=100',
      'riesz-simoncelli:level=1,order=100',
      'gabor:sigma=2,lambda=3,planes=orthogonal',
    ]) {
      const p = problem(() => filterResponse(one, parseFilterSpec(s)));
      expect([p.code, p.params.filter, p.params.slices], s).toEqual([
        'filter-needs-volume',
        s.split(':')[0],
        1,
      ]);
      expect(p.reason).toMatch(/--2d/);
    }
    for (const s of [
      'mean:support=3,2d',
      'log:sigma=2,2d',
      'laws:kernel=E5L5,2d',
      'gabor:sigma=2,lambda=3',
    ])
      expect(filterResponse(one, parseFilterSpec(s)), s).toHaveLength(256);
  });

  it('an image whose voxel count is not its dimensions is refused, and the next request runs', () => {
    const img = randomVolume([8, 8, 4]);
    const broken = { ...img, values: img.values.subarray(0, 100) };
    expect(problem(() => filterResponse(broken, parseFilterSpec('log:sigma=1'))).code).toBe(
      'shape-mismatch',
    );
    const again = filterResponse(img, parseFilterSpec('log:sigma=1'));
    expect(again).toHaveLength(256);
    expect(again.every(Number.isFinite)).toBe(true);
  });
});
