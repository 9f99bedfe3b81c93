// Each filter's fast path against a plain one written from the IBSI 2 formula, and the errors a
// bad request gets.
import { describe, expect, it } from 'vitest';
import { problemOf } from '../result.ts';
import { readNifti } from '../masks/nifti.ts';
import { filterResponse } from './applyFilter.ts';
import { sourceIndex } from './boundary.ts';
import { convolveDirect } from './convolveDirect.ts';
import { dftFrequency, fourierResponse } from './fourier.ts';
import { logTransfer } from './log.ts';
import { niftiBytes } from './niftiWrite.ts';
import { filterLabel, parseFilterSpec } from './spec.ts';
import { maxAbsDiff, randomVolume } from './testing.ts';
import type { GaborSpec } from './types.ts';

const img = randomVolume([12, 11, 10], 3);

function denseLog(sigma: number, r: number, d: 2 | 3) {
  const n = 2 * r + 1;
  const nz = d === 3 ? n : 1;
  const values = new Float64Array(n * n * nz);
  let i = 0;
  for (let z = 0; z < nz; z++)
    for (let y = 0; y < n; y++)
      for (let x = 0; x < n; x++) {
        const q = (x - r) ** 2 + (y - r) ** 2 + (d === 3 ? (z - r) ** 2 : 0);
        values[i++] =
          (-1 / sigma ** 2) *
          (1 / (Math.sqrt(2 * Math.PI) * sigma)) ** d *
          (d - q / sigma ** 2) *
          Math.exp(-q / (2 * sigma ** 2));
      }
  return { values, size: [n, n, nz] as const, origin: [r, r, d === 3 ? r : 0] as const };
}

describe('LoG', () => {
  for (const d of [2, 3] as const)
    it(`in ${d}D equals the dense IBSI kernel (σ 1.5 voxels, 4σ)`, () => {
      const spec = parseFilterSpec(`log:sigma=1.5,boundary=nearest${d === 2 ? ',2d' : ''}`);
      const direct = convolveDirect(img.values, img.dims, denseLog(1.5, 6, d), 'nearest');
      expect(maxAbsDiff(filterResponse(img, spec), direct)).toBeLessThan(1e-3);
    });

  it("spectrum is the spatial kernel's (the Riesz path's LoG)", () => {
    const t = logTransfer([1, 1, 1], 1.2, 4, 3);
    const f = fourierResponse(img, t, 'periodic', 3, 0, dftFrequency);
    const s = filterResponse(img, parseFilterSpec('log:sigma=1.2,boundary=periodic'));
    expect(maxAbsDiff(f, s)).toBeLessThan(1e-3);
  });
});

describe('Gabor', () => {
  it('equals the direct complex convolution of the IBSI kernel, per axial slice', () => {
    const spec = parseFilterSpec(
      'gabor:sigma=1.5,lambda=3,gamma=0.7,theta=30,boundary=mirror,truncate=3',
    ) as GaborSpec;
    const r = Math.ceil(3 * 1.5 * (1 / 0.7));
    const n = 2 * r + 1;
    const re = new Float64Array(n * n);
    const im = new Float64Array(n * n);
    const th = Math.PI / 6;
    for (let y = -r; y <= r; y++)
      for (let x = -r; x <= r; x++) {
        const xt = x * Math.cos(th) + y * Math.sin(th);
        const yt = -x * Math.sin(th) + y * Math.cos(th);
        const env = Math.exp(-(xt * xt + 0.49 * yt * yt) / (2 * 1.5 * 1.5));
        re[x + r + n * (y + r)] = env * Math.cos((2 * Math.PI * xt) / 3);
        im[x + r + n * (y + r)] = env * Math.sin((2 * Math.PI * xt) / 3);
      }
    const k = (values: Float64Array) => ({
      values,
      size: [n, n, 1] as const,
      origin: [r, r, 0] as const,
    });
    const a = convolveDirect(img.values, img.dims, k(re), 'mirror');
    const b = convolveDirect(img.values, img.dims, k(im), 'mirror');
    const direct = a.map((v, i) => Math.hypot(v, b[i]));
    expect(maxAbsDiff(filterResponse(img, spec), direct)).toBeLessThan(1e-3);
  });
});

describe('boundaries', () => {
  it('map outside indices as IBSI 2 defines them', () => {
    const at = (b: Parameters<typeof sourceIndex>[2]) =>
      [-2, -1, 4, 5].map((p) => sourceIndex(p, 4, b));
    expect(at('zero')).toEqual([-1, -1, -1, -1]);
    expect(at('nearest')).toEqual([0, 0, 3, 3]);
    expect(at('periodic')).toEqual([2, 3, 0, 1]);
    expect(at('mirror')).toEqual([1, 0, 3, 2]);
  });
});

describe('filter specs', () => {
  const problem = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return problemOf(e, 'unexpected');
    }
    throw new Error('no problem raised');
  };

  it('round-trip through their canonical label', () => {
    for (const s of [
      'log:sigma=3,boundary=mirror',
      'laws:kernel=e5l5s5,delta=7,rotation-invariant,boundary=zero',
      'gabor:sigma=10,lambda=4,gamma=0.5,rotation-invariant,theta-step=45,planes=orthogonal,pooling=average',
      'wavelet:wavelet=db2,response=lhl,level=2',
      'riesz-log:sigma=3,order=100,boundary=zero',
      'mean:support=5,2d',
    ]) {
      const spec = parseFilterSpec(s);
      expect(parseFilterSpec(filterLabel(spec))).toEqual(spec);
    }
  });

  it('give one clear problem for each kind of bad input', () => {
    expect(problem(() => parseFilterSpec('sobel:sigma=1')).code).toBe('unknown-filter');
    const sigma = problem(() => parseFilterSpec('log:sigma=0'));
    expect([sigma.code, sigma.params.parameter]).toEqual(['bad-filter-parameter', 'sigma']);
    expect(problem(() => parseFilterSpec('wavelet:level=0')).params.parameter).toBe('level');
    expect(problem(() => parseFilterSpec('simoncelli:level=0')).params.parameter).toBe('level');
    const kernel = problem(() => parseFilterSpec('laws:kernel=E5Q5S5'));
    expect([kernel.code, kernel.params.parameter]).toEqual(['bad-filter-parameter', 'kernel']);
    expect(problem(() => parseFilterSpec('wavelet:wavelet=db9')).params.parameter).toBe('wavelet');
    expect(problem(() => parseFilterSpec('log:sigma=2,boundary=reflect')).params.parameter).toBe(
      'boundary',
    );
    const one = randomVolume([8, 8, 1]);
    const flat = problem(() => filterResponse(one, parseFilterSpec('log:sigma=2')));
    expect(flat.code).toBe('filter-needs-volume');
    expect(filterResponse(one, parseFilterSpec('log:sigma=2,2d'))).toHaveLength(64);
  });
});

describe('NIfTI output', () => {
  it('reads back with its values and geometry', () => {
    const affineLps: [number, number, number, number][] = [
      [-2, 0, 0, 10],
      [0, -1.5, 0, -4],
      [0, 0, 3, 7],
    ];
    for (const gz of [false, true]) {
      const bytes = niftiBytes({ dims: img.dims, values: img.values, affineLps }, gz);
      const back = readNifti(bytes, 'x.nii');
      expect(back.dims).toEqual([...img.dims]);
      expect(back.values).toEqual(img.values);
      expect(back.affineLps.map((r) => r.map((v) => v + 0))).toEqual(affineLps);
    }
  });
});
