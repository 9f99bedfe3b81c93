// What every mask input gives: one binary mask per structure, on the image grid.
import { ProblemError } from '../result.ts';
import type { ImageGrid } from './grid.ts';

/** One structure of a mask input as a voxel mask on the image grid (1 = inside, x fastest). */
export interface RoiMask {
  /** The structure's name: ROI Name, Segment Label, or the label value of a label map. */
  name: string;
  /** ROI Number, Segment Number or label value; 0 for a label-map series. */
  number: number;
  kind: MaskKind;
  /** The file or folder the structure came from. */
  file: string;
  mask: Uint8Array;
  /** Voxels inside. */
  voxels: number;
}

export type MaskKind = 'rtstruct' | 'seg' | 'nifti' | 'labelmap';

/** A structure as a mask input lists it, before any mask is made. */
export interface StructureRef {
  name: string;
  number: number;
}

/** A mask on another Frame of Reference than the image is refused, not guessed at. */
export function checkFrameOfReference(grid: ImageGrid, maskFor: string, what: string): void {
  if (grid.frameOfReferenceUID === '' || maskFor === '' || grid.frameOfReferenceUID === maskFor)
    return;
  throw new ProblemError(
    'frame-of-reference-mismatch',
    `${what} is on another Frame of Reference than the image (${maskFor}, the image's is ${grid.frameOfReferenceUID}), so its positions mean nothing on this image`,
    { maskFrameOfReference: maskFor, imageFrameOfReference: grid.frameOfReferenceUID },
  );
}

export function countInside(mask: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < mask.length; i++) n += mask[i];
  return n;
}
