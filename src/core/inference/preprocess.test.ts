import { describe, expect, it } from 'vitest';
import type { DecodedFrame } from '../dicom/types.ts';
import { InferenceFailure } from './errors.ts';
import type { ImageInput, Preprocessing } from './modelCard.ts';
import { preprocessFrame } from './preprocess.ts';

function frame(rows: number, columns: number, values: number[], extra: Partial<DecodedFrame> = {}) {
  return {
    rows,
    columns,
    samplesPerPixel: 1,
    values: Float32Array.from(values),
    min: Math.min(...values),
    max: Math.max(...values),
    invert: false,
    ...extra,
  } as DecodedFrame;
}

const input2x2: ImageInput = {
  kind: 'image',
  tensorName: 'image',
  shape: ['N', 1, 2, 2],
  layout: 'NCHW',
  dtype: 'float32',
};

const pre: Preprocessing = {
  modalities: ['CR', 'DX'],
  photometricInterpretations: ['MONOCHROME1', 'MONOCHROME2', 'RGB'],
  channels: 'luma',
  invertMonochrome1: true,
  crop: 'center-square',
  intensity: { method: 'minmax' },
  resize: { width: 2, height: 2, interpolation: 'area' },
  normalize: { mean: [0.5], std: [0.25] },
};

describe('preprocessFrame', () => {
  it('crops the centre square, area-resizes, min-max scales and normalises', () => {
    // 2 rows x 4 columns: the centre square is columns 1-2, already 2x2.
    const f = frame(2, 4, [99, 100, 300, 99, 99, 200, 500, 99]);
    const out = preprocessFrame(f, pre, input2x2, { file: 'x' });
    // min-max over {100, 300, 200, 500}: 0, 0.5, 0.25, 1; then (v - 0.5) / 0.25.
    expect(Array.from(out)).toEqual([-2, 0, -1, 2]);
  });

  it('downsamples 4x4 to 2x2 by block means before scaling', () => {
    const f = frame(4, 4, [0, 0, 4, 4, 0, 0, 4, 4, 8, 8, 12, 12, 8, 8, 12, 12]);
    const out = preprocessFrame(f, pre, input2x2, { file: 'x' });
    // Block means 0, 4, 8, 12 -> 0, 1/3, 2/3, 1 -> normalised.
    expect(out[1]).toBeCloseTo((1 / 3 - 0.5) / 0.25, 6);
    expect(out[3]).toBe(2);
  });

  it('inverts MONOCHROME1 so that bright means dense, as in the training images', () => {
    const f = frame(2, 2, [0, 1, 2, 4], { invert: true });
    const out = preprocessFrame(f, pre, input2x2, { file: 'x' });
    expect(Array.from(out)).toEqual([2, 1, 0, -2]);
  });

  it('turns RGB into grey with BT.601 luma weights', () => {
    const rgb = [255, 0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0];
    const f = frame(2, 2, rgb, { samplesPerPixel: 3 });
    const out = preprocessFrame(
      f,
      {
        ...pre,
        intensity: { method: 'fixed', min: 0, max: 255 },
        normalize: { mean: [0], std: [1] },
      },
      input2x2,
      { file: 'x' },
    );
    expect(Array.from(out).map((v) => Number(v.toFixed(6)))).toEqual([0.299, 0.587, 0.114, 0]);
  });

  it('rejects a modality the card does not allow, naming the file', () => {
    const f = frame(2, 2, [0, 1, 2, 3]);
    try {
      preprocessFrame(f, pre, input2x2, { file: 'ct.dcm', modality: 'CT' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InferenceFailure);
      expect((err as InferenceFailure).error).toMatchObject({
        code: 'image-unsupported',
        file: 'ct.dcm',
      });
      expect((err as InferenceFailure).error.reason).toContain('not modality CT');
    }
  });
});
