// An integer image carried as its 16-bit integers, and a whole-image ROI given without a mask,
// must give the very features the float32 values with an all-ones mask give (bit for bit): the
// memory saving may change nothing else.
import { describe, expect, it } from 'vitest';
import { computeFeatures, type FeatureSet } from './computeFeatures';
import type { DecodedFrame, InstanceMeta } from '../dicom/types';
import { defaultParams, type FeatureParams } from './params';
import { maskOf, type Dims, type RoiVolume, type VoxelValues } from './volume';
import { volumeFromFrames, voxelKindOf } from './volumeFromFrames';

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** Smooth blobs plus noise in int16 HU, so zones, runs and peaks are not all trivial. */
function randomCt(dims: Dims, seed: number, offset = -1000): Int16Array {
  const [nx, ny, nz] = dims;
  const rand = random(seed);
  const out = new Int16Array(nx * ny * nz);
  for (let z = 0, i = 0; z < nz; z++)
    for (let y = 0; y < ny; y++)
      for (let x = 0; x < nx; x++, i++) {
        const blob = Math.sin(x / 3 + seed) * Math.cos(y / 4) * Math.sin(z / 2 + 1);
        out[i] = Math.round(offset + 1000 + 600 * blob + (rand() - 0.5) * 400);
      }
  return out;
}

/** Every value, compared by its bits (Object.is: NaN equals NaN, -0 differs from 0). */
function bits(set: FeatureSet): string[] {
  return set.features.map(
    (f) => `${f.family} ${f.ibsiCode} ${f.aggregation} ${Object.is(f.value, -0) ? '-0' : f.value}`,
  );
}

const dims: Dims = [23, 19, 9];
const spacingMm = [0.8, 0.8, 1.5] as const;

const paramsCases: [string, FeatureParams][] = [
  ['defaults (32 bins)', defaultParams],
  ['bin width 25', { ...defaultParams, discretisation: { kind: 'bin-width', binWidth: 25 } }],
  ['a re-segmentation range', { ...defaultParams, resegment: [-200, 400] }],
  ['outlier filtering', { ...defaultParams, outliers: 2 }],
  ['2D aggregation, distance 2', { ...defaultParams, aggregation: '2d-avg', distance: 2 }],
];

describe('integer images and whole-image ROIs without a mask', () => {
  for (const [name, params] of paramsCases) {
    it(`give the same values as float32 with an all-ones mask: ${name}`, () => {
      for (const seed of [1, 2]) {
        const ct = randomCt(dims, seed);
        const asFloat: RoiVolume = {
          values: Float32Array.from(ct),
          mask: new Uint8Array(ct.length).fill(1),
          dims,
          spacingMm,
        };
        const expected = bits(computeFeatures(asFloat, params));
        expect(expected.length).toBeGreaterThan(150);
        const variants: RoiVolume[] = [
          { values: ct, dims, spacingMm },
          { values: ct, mask: asFloat.mask, dims, spacingMm },
          { values: Float32Array.from(ct), dims, spacingMm },
        ];
        for (const roi of variants) expect(bits(computeFeatures(roi, params))).toEqual(expected);
      }
    });
  }

  it('gives the same values for a uint16 image (an MR) as for its float32 copy', () => {
    const values = Uint16Array.from(randomCt(dims, 3, 0), (v) => Math.max(0, v));
    const expected = bits(
      computeFeatures({ values: Float32Array.from(values), dims, spacingMm }, defaultParams),
    );
    expect(bits(computeFeatures({ values, dims, spacingMm }, defaultParams))).toEqual(expected);
  });

  it('gives the same values for a drawn ROI on int16 values as on float32 ones', () => {
    const ct = randomCt(dims, 4);
    const mask = new Uint8Array(ct.length);
    const rand = random(9);
    for (let z = 2, [nx, ny] = dims; z < 7; z++)
      for (let y = 3; y < 15; y++)
        for (let x = 4; x < 19; x++) mask[x + nx * (y + ny * z)] = rand() < 0.9 ? 1 : 0;
    for (const [, params] of paramsCases) {
      const expected = bits(
        computeFeatures({ values: Float32Array.from(ct), mask, dims, spacingMm }, params),
      );
      expect(bits(computeFeatures({ values: ct, mask, dims, spacingMm }, params))).toEqual(
        expected,
      );
    }
  });

  it('leaves NaN voxels of a float image without a mask out, as an all-ones mask does', () => {
    const values = Float32Array.from(randomCt(dims, 5));
    values[17] = NaN;
    values[400] = NaN;
    const withMask = computeFeatures(
      { values, mask: maskOf({ values, dims, spacingMm }), dims, spacingMm },
      defaultParams,
    );
    const without = computeFeatures({ values, dims, spacingMm }, defaultParams);
    expect(without.roiVoxels).toBe(values.length - 2);
    expect(bits(without)).toEqual(bits(withMask));
  });
});

describe('volumeFromFrames', () => {
  const meta = { file: 'a.dcm', pixelSpacingMm: [0.8, 0.7] } as unknown as InstanceMeta;
  const frame = (values: number[]): DecodedFrame => ({
    rows: 1,
    columns: values.length,
    samplesPerPixel: 1,
    values: Float32Array.from(values),
    min: Math.min(...values),
    max: Math.max(...values),
    invert: false,
  });
  const stack = (...slices: number[][]): VoxelValues =>
    volumeFromFrames(
      slices.map(() => meta),
      slices.map(frame),
    ).values;

  it('stacks integer HU as int16, non-negative integers beyond it as uint16', () => {
    const hu = stack([-1024, 0, 3071], [-32768, 32767, 5]);
    expect(hu).toBeInstanceOf(Int16Array);
    expect([...hu]).toEqual([-1024, 0, 3071, -32768, 32767, 5]);
    const mr = stack([0, 65535], [40000, 1]);
    expect(mr).toBeInstanceOf(Uint16Array);
    expect([...mr]).toEqual([0, 65535, 40000, 1]);
  });

  it('keeps float32 for a non-integer rescale, a range no 16-bit type holds, NaN or -0', () => {
    for (const slices of [[[-1024, 0.5]], [[-1, 65535]], [[0, 70000]], [[1, NaN]], [[1, -0]]]) {
      const v = stack(...slices);
      expect(v).toBeInstanceOf(Float32Array);
      expect([...v]).toEqual(slices.flat().map((x) => Math.fround(x)));
    }
    // Colour luminance is float whatever its values.
    expect(voxelKindOf([{ values: new Float32Array(3), samplesPerPixel: 3 }])).toBe('float32');
  });
});
