// Stacking decoded frames of one series (in display order) into an analysis volume, with the
// voxel spacing taken from the headers.
import { slicePosition } from '../dicom/studyIndex';
import type { DecodedFrame, InstanceMeta } from '../dicom/types';
import { greyPixels } from './luminance';
import { VoxelStack, voxelTypeFor } from '../volume/voxelStack';
import { analysisError, type ImageVolume, type VoxelValues } from './volume';

/** Spacing between slices: from positions when all slices have one, else thickness, else 1 mm. */
export function sliceSpacingMm(metas: readonly InstanceMeta[]): number {
  if (metas.length > 1) {
    const a = slicePosition(metas[0]);
    const b = slicePosition(metas[1]);
    if (a !== null && b !== null && a !== b) return Math.abs(b - a);
  }
  return metas[0]?.sliceThicknessMm ?? 1;
}

type Kind = 'int16' | 'uint16' | 'float32';

/** The smallest type that holds every value of the frames exactly: int16 or uint16 where all
 * are integers in its range (a CT's HU after an integer rescale), float32 otherwise (a
 * non-integer rescale slope, colour luminance, NaN). -0 stays float: int16 has no -0. */
export function voxelKindOf(
  frames: readonly Pick<DecodedFrame, 'values' | 'samplesPerPixel'>[],
): Kind {
  let lo = 0;
  let hi = 0;
  for (const frame of frames) {
    if (frame.samplesPerPixel !== 1) return 'float32';
    const v = frame.values;
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if ((x | 0) !== x || (x === 0 && 1 / x < 0)) return 'float32';
      if (x < lo) lo = x;
      else if (x > hi) hi = x;
    }
  }
  return voxelTypeFor(true, lo, hi);
}

/**
 * One frame per slice; metas[k] describes frames[k]. Frames must be the same size; colour
 * frames are analysed on their BT.601 luminance. An integer image is stacked as 16-bit
 * integers (the type voxelKindOf gives): the same values in half the bytes.
 */
export function volumeFromFrames(
  metas: readonly InstanceMeta[],
  frames: readonly DecodedFrame[],
): ImageVolume<VoxelValues> {
  const first = frames[0];
  const nx = first.columns;
  const ny = first.rows;
  const stack = new VoxelStack(nx * ny, frames.length);
  frames.forEach((frame, z) => {
    const f = greyPixels(frame);
    if (f.columns !== nx || f.rows !== ny) throw sliceSizeError(metas, z, f, first);
    stack.put(z, f.values, frame.samplesPerPixel !== 1);
  });
  return { values: stack.values(), dims: [nx, ny, frames.length], spacingMm: spacingOf(metas) };
}

type Size = Pick<DecodedFrame, 'columns' | 'rows'>;

/** Slice z (in display order) is not the first slice's size. */
export function sliceSizeError(
  metas: readonly InstanceMeta[],
  z: number,
  slice: Size,
  first: Size,
): Error {
  const [nx, ny] = [first.columns, first.rows];
  return analysisError(
    'shape-mismatch',
    `Slice ${z + 1} is ${slice.columns}x${slice.rows}; features need slices of one size (${nx}x${ny}).`,
    metas[z]?.file ?? '',
  );
}

/** Voxel spacing (x, y, z) of a series' slices in display order. */
export function spacingOf(metas: readonly InstanceMeta[]): [number, number, number] {
  const [rowMm, colMm] = metas[0].pixelSpacingMm ?? [1, 1];
  return [colMm, rowMm, sliceSpacingMm(metas)];
}
