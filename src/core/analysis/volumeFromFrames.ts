// Stacking decoded frames of one series (in display order) into an analysis volume, with the
// voxel spacing taken from the headers.
import { slicePosition } from '../dicom/studyIndex';
import type { DecodedFrame, InstanceMeta } from '../dicom/types';
import { greyPixels } from './luminance';
import { analysisError, type ImageVolume } from './volume';

/** Spacing between slices: from positions when all slices have one, else thickness, else 1 mm. */
export function sliceSpacingMm(metas: readonly InstanceMeta[]): number {
  if (metas.length > 1) {
    const a = slicePosition(metas[0]);
    const b = slicePosition(metas[1]);
    if (a !== null && b !== null && a !== b) return Math.abs(b - a);
  }
  return metas[0]?.sliceThicknessMm ?? 1;
}

/**
 * One frame per slice; metas[k] describes frames[k]. Frames must be the same size; colour
 * frames are analysed on their BT.601 luminance.
 */
export function volumeFromFrames(
  metas: readonly InstanceMeta[],
  frames: readonly DecodedFrame[],
): ImageVolume {
  const first = frames[0];
  const nx = first.columns;
  const ny = first.rows;
  const plane = nx * ny;
  const values = new Float32Array(plane * frames.length);
  frames.forEach((frame, z) => {
    const f = greyPixels(frame);
    if (f.columns !== nx || f.rows !== ny) {
      throw analysisError(
        'shape-mismatch',
        `Slice ${z + 1} is ${f.columns}x${f.rows}; features need slices of one size (${nx}x${ny}).`,
        metas[z]?.file ?? '',
      );
    }
    values.set(f.values, z * plane);
  });
  const [rowMm, colMm] = metas[0].pixelSpacingMm ?? [1, 1];
  return {
    values,
    dims: [nx, ny, frames.length],
    spacingMm: [colMm, rowMm, sliceSpacingMm(metas)],
  };
}
