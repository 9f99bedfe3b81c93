import { describe, expect, it } from 'vitest';
import { compileWat, wasmModules } from '../../../../tools/analysis/wasmModules';
import {
  autocorrelation,
  maxVoxelsForPairs,
  pairSumsDirectJs,
  pairSumsJs,
  planAutocorrelation,
  voxelRuns,
} from './autocorrelation';
import { fftGridFor, maxFftGridPoints } from './autocorrelationFft';
import { autocorrelationReference } from './autocorrelationReference';
import { autocorrelationDirectWasm, autocorrelationPairSumsWasm } from './simd/autocorrelationWasm';
import { autocorrelationWasmBytes } from './simd/autocorrelationWasmBytes';

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
}

/** A random ROI: a blob of density fill in a box of dims, values with ties. */
function randomRoi(dims: [number, number, number], fill: number, seed: number) {
  const r = random(seed);
  const mask = new Uint8Array(dims[0] * dims[1] * dims[2]);
  const values: number[] = [];
  const centres: number[] = [];
  const spacing: [number, number, number] = [0.5 + r(), 0.5 + r(), 1 + 2 * r()];
  for (let z = 0, i = 0; z < dims[2]; z++)
    for (let y = 0; y < dims[1]; y++)
      for (let x = 0; x < dims[0]; x++, i++) {
        if (r() >= fill) continue;
        mask[i] = 1;
        values.push(Math.round(r() * 40) - 10.5);
        centres.push(x * spacing[0], y * spacing[1], z * spacing[2]);
      }
  return { mask, values: Float64Array.from(values), centres: Float64Array.from(centres), spacing };
}

const rois = [
  { dims: [23, 17, 1], fill: 0.9 },
  { dims: [30, 9, 1], fill: 0.3 },
  { dims: [9, 11, 7], fill: 0.7 },
  { dims: [13, 5, 6], fill: 0.15 },
  { dims: [37, 3, 2], fill: 1 },
] as const;

describe("Moran's I and Geary's C", () => {
  it('were built from the current autocorrelation.wat', async () => {
    expect([...autocorrelationWasmBytes]).toEqual([
      ...(await compileWat(wasmModules.autocorrelation.wat)),
    ]);
  });

  it('match the pair-by-pair definition on random ROIs (anisotropic), by runs and voxel by voxel', () => {
    rois.forEach(({ dims, fill }, k) => {
      const d: [number, number, number] = [dims[0], dims[1], dims[2]];
      const roi = randomRoi(d, fill, 1000 + k);
      const [moran, geary] = autocorrelationReference(roi.values, roi.centres);
      for (const gap of [0, 1, 3, 16, null, 'fft', undefined] as const) {
        const [i, c] = autocorrelation(roi.values, roi.mask, d, roi.spacing, gap);
        expect(Math.abs(i - moran)).toBeLessThanOrEqual(1e-12 * Math.abs(moran));
        expect(Math.abs(c - geary)).toBeLessThanOrEqual(1e-12 * Math.abs(geary));
      }
    });
  });

  it('sums the same in TypeScript as in WebAssembly', () => {
    rois.forEach(({ dims, fill }, k) => {
      const d: [number, number, number] = [dims[0], dims[1], dims[2]];
      const roi = randomRoi(d, fill, 2000 + k);
      const n = roi.values.length;
      const dev = roi.values.map((v) => v - 3.25);
      const close = (a: readonly number[], b: readonly number[] | null) =>
        a.forEach((x, q) =>
          expect(Math.abs(x - (b?.[q] ?? NaN))).toBeLessThanOrEqual(1e-12 * Math.abs(x)),
        );
      close(
        pairSumsDirectJs(roi.values, dev, roi.centres),
        autocorrelationDirectWasm(roi.values, dev, roi.centres),
      );
      const vr = voxelRuns(roi.mask, d, 4);
      const sv = new Float64Array(vr.slotMask.length);
      const sd = new Float64Array(sv.length);
      const m = new Float64Array(sv.length);
      for (let s = 0, i = 0; s < sv.length; s++) {
        if (!vr.slotMask[s]) continue;
        [sv[s], sd[s], m[s]] = [roi.values[i], dev[i], 1];
        i++;
      }
      expect(vr.slotMask.reduce((a, b) => a + b, 0)).toBe(n);
      close(
        pairSumsJs(sv, sd, m, vr, roi.spacing),
        autocorrelationPairSumsWasm(sv, sd, m, vr, roi.spacing),
      );
    });
  });

  it('is NaN for one voxel or equal values', () => {
    const mask = Uint8Array.from([1, 0, 1]);
    expect(
      autocorrelation(Float64Array.from([4]), Uint8Array.from([1]), [1, 1, 1], [1, 1, 1]),
    ).toEqual([NaN, NaN]);
    expect(autocorrelation(Float64Array.from([2, 2]), mask, [3, 1, 1], [1, 1, 1])).toEqual([
      NaN,
      NaN,
    ]);
  });

  it('sums every pair by FFT as pair by pair (to 1e-11) on a 12,000-voxel ROI, and picks the FFT for it', () => {
    const d: [number, number, number] = [30, 28, 20];
    const roi = randomRoi(d, 0.7, 77);
    expect(roi.values.length).toBeGreaterThan(11000);
    expect(planAutocorrelation(roi.mask, d, roi.values.length)).toBe('fft');
    const [moranFft, gearyFft] = autocorrelation(roi.values, roi.mask, d, roi.spacing, 'fft');
    const [moran, geary] = autocorrelation(roi.values, roi.mask, d, roi.spacing, null);
    expect(Math.abs(moranFft - moran)).toBeLessThanOrEqual(1e-11 * Math.abs(moran));
    expect(Math.abs(gearyFft - geary)).toBeLessThanOrEqual(1e-11 * Math.abs(geary));
  });

  it('computes a 100,000-voxel ROI (by FFT), and is NaN only past both the pair and the grid limits', () => {
    // A ball of radius 29 voxels: 101,943 voxels, values a smooth ramp plus ties.
    const n = 60;
    const mask = new Uint8Array(n * n * n);
    const values: number[] = [];
    for (let z = 0, i = 0; z < n; z++)
      for (let y = 0; y < n; y++)
        for (let x = 0; x < n; x++, i++) {
          if ((x - 29) ** 2 + (y - 29) ** 2 + (z - 29) ** 2 > 29 * 29) continue;
          mask[i] = 1;
          values.push(x + 2 * y + ((x * y) % 7));
        }
    expect(values.length).toBeGreaterThan(100000);
    const dims: [number, number, number] = [n, n, n];
    expect(planAutocorrelation(mask, dims, values.length)).toBe('fft');
    const [moran, geary] = autocorrelation(Float64Array.from(values), mask, dims, [0.8, 0.8, 2]);
    // A ramp is strongly autocorrelated: Moran's I above 0, Geary's C below 1.
    expect(moran).toBeGreaterThan(0.1);
    expect(geary).toBeGreaterThan(0);
    expect(geary).toBeLessThan(1);
    // Two voxels at opposite corners of a box whose FFT grid is too large, plus 40,000 in a row.
    const wide: [number, number, number] = [maxVoxelsForPairs + 1, 2, 200];
    const sparse = new Uint8Array(wide[0] * wide[1] * wide[2]);
    sparse.fill(1, 0, maxVoxelsForPairs + 1);
    sparse[sparse.length - 1] = 1;
    const grid = fftGridFor(sparse, wide);
    expect(grid![0] * grid![1] * grid![2]).toBeGreaterThan(maxFftGridPoints);
    expect(planAutocorrelation(sparse, wide, maxVoxelsForPairs + 2)).toBe('too-large');
  });
});
