// The shapes every analysis kernel takes: plain typed arrays and numbers, so a worker can receive
// them as transferables and Node can build them from a DICOM series.

/** Voxel counts along x (columns), y (rows) and z (slices). */
export type Dims = readonly [nx: number, ny: number, nz: number];

/** Voxel spacing along x, y and z, in millimetres. */
export type SpacingMm = readonly [x: number, y: number, z: number];

/** An image volume in modality values (e.g. HU), x fastest, then y, then z. */
export interface ImageVolume {
  values: Float32Array;
  dims: Dims;
  spacingMm: SpacingMm;
}

/** An image volume and its region of interest (1 = inside), same dims and order. */
export interface RoiVolume extends ImageVolume {
  mask: Uint8Array;
}

/** Most grey levels a discretisation may produce (they are stored as 16-bit integers). */
export const maxGreyLevels = 65535;

/** Grey levels after discretisation: 1..levelCount inside the ROI, 0 outside it. 16 bits keep
 * the arrays small: kernels such as GLCM counting are bound by how much memory they stream. */
export interface DiscreteVolume {
  levels: Uint16Array;
  dims: Dims;
  spacingMm: SpacingMm;
  levelCount: number;
}

/** Thrown when the input cannot be analysed; plain data so it crosses a worker boundary. */
export interface AnalysisError {
  code: 'empty-roi' | 'shape-mismatch' | 'bad-parameter';
  file: string;
  reason: string;
}

export function analysisError(code: AnalysisError['code'], reason: string, file = ''): Error {
  return Object.assign(new Error(reason), { code, file, reason });
}

export function voxelCount(dims: Dims): number {
  return dims[0] * dims[1] * dims[2];
}

/** Checks that values and mask agree with dims; throws a shape-mismatch error otherwise. */
export function assertRoiShape(roi: RoiVolume): void {
  const n = voxelCount(roi.dims);
  if (roi.values.length !== n || roi.mask.length !== n) {
    throw analysisError(
      'shape-mismatch',
      `Image (${roi.values.length} voxels) and mask (${roi.mask.length}) do not match dims ${roi.dims.join('x')}.`,
    );
  }
}
