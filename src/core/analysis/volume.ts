// The shapes every analysis kernel takes: plain typed arrays and numbers, so a worker can receive
// them as transferables and Node can build them from a DICOM series.

/** Voxel counts along x (columns), y (rows) and z (slices). */
export type Dims = readonly [nx: number, ny: number, nz: number];

/** Voxel spacing along x, y and z, in millimetres. */
export type SpacingMm = readonly [x: number, y: number, z: number];

/** Modality values: float32, or for an integer image the same values as exact 16-bit
 * integers (2 bytes a voxel instead of 4; every int16/uint16 value is exact in float32, so
 * features do not change). */
export type VoxelValues = Float32Array | Int16Array | Uint16Array;

/** An image volume in modality values (e.g. HU), x fastest, then y, then z. Float32 unless
 * said otherwise: filters and other image processing compute in float. */
export interface ImageVolume<V extends VoxelValues = Float32Array> {
  values: V;
  dims: Dims;
  spacingMm: SpacingMm;
}

/** An image volume and its region of interest (1 = inside), same dims and order. No mask: the
 * ROI is every voxel (a whole image needs no byte a voxel to say so). */
export interface RoiVolume extends ImageVolume<VoxelValues> {
  mask?: Uint8Array;
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
  const maskLength = roi.mask?.length ?? n;
  if (roi.values.length !== n || maskLength !== n) {
    throw analysisError(
      'shape-mismatch',
      `Image (${roi.values.length} voxels) and mask (${maskLength}) do not match dims ${roi.dims.join('x')}.`,
    );
  }
}

/** The ROI's mask, made (every voxel 1) where the ROI has none: for the few kernels that walk a
 * mask (the morphological mesh, resampling), not for the whole-image path's every family. */
export function maskOf(roi: RoiVolume): Uint8Array {
  return roi.mask ?? new Uint8Array(voxelCount(roi.dims)).fill(1);
}

/** An empty array of the same kind as values (a crop keeps an integer image's 2 bytes a voxel). */
export function valuesLike(values: VoxelValues, length: number): VoxelValues {
  if (values instanceof Int16Array) return new Int16Array(length);
  if (values instanceof Uint16Array) return new Uint16Array(length);
  return new Float32Array(length);
}

/** The image with float32 values, copied where they are integers: for image processing
 * (filters) that computes in float. */
export function floatImage<T extends ImageVolume<VoxelValues>>(
  image: T,
): T & { values: Float32Array } {
  const { values } = image;
  return values instanceof Float32Array
    ? (image as T & { values: Float32Array })
    : { ...image, values: Float32Array.from(values) };
}

/** The names of the VoxelValues types, for values sent as plain bytes (a shared buffer). */
export type VoxelType = 'float32' | 'int16' | 'uint16';

export function voxelTypeOf(values: VoxelValues): VoxelType {
  if (values instanceof Int16Array) return 'int16';
  return values instanceof Uint16Array ? 'uint16' : 'float32';
}

/** Values of the given type over a buffer (no copy). */
export function voxelView(type: VoxelType, buffer: ArrayBufferLike): VoxelValues {
  if (type === 'int16') return new Int16Array(buffer);
  return type === 'uint16' ? new Uint16Array(buffer) : new Float32Array(buffer);
}
