// Reading a NIfTI-1 or NIfTI-2 volume (.nii, .nii.gz): the header through nifti-reader-js, the
// voxels as modality values (scl_slope/scl_inter applied), and the voxel-to-patient affine in
// DICOM's LPS convention (NIfTI's is RAS). Every size the header states is checked against the
// file and the limit before anything is allocated; a .gz is inflated only as far as needed.
import { isNIFTI, isNIFTI2, readHeader, type NIFTI1, type NIFTI2 } from 'nifti-reader-js';
import { ProblemError } from '../result.ts';
import { gunzipPrefix, isGzip } from './gunzipBounded.ts';

export interface NiftiVolume {
  kind: 'nifti';
  file: string;
  /** Voxels along i (x, fastest), j (y) and k (z). */
  dims: [number, number, number];
  /** Scaled voxel values, i fastest, then j, then k. */
  values: Float32Array;
  /** Voxel (i, j, k) → patient LPS mm: rows x, y, z of [a b c t]. */
  affineLps: [number, number, number, number][];
}

export interface NiftiLimits {
  /** Voxels of one volume (default 2^28: 1 GiB of 32-bit values). */
  maxVoxels: number;
}

const defaultLimits: NiftiLimits = { maxVoxels: 2 ** 28 };

/** Bytes per voxel of the data types that hold one grey value. */
const bytesPerVoxel: Record<number, number> = {
  2: 1, // uint8
  4: 2, // int16
  8: 4, // int32
  16: 4, // float32
  64: 8, // float64
  256: 1, // int8
  512: 2, // uint16
  768: 4, // uint32
};

function invalid(file: string, reason: string): ProblemError {
  return new ProblemError('invalid-nifti', `${file}: ${reason}`, { file });
}

function arrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** True when the bytes open like a NIfTI file or a gzip stream holding one. */
export function looksLikeNifti(bytes: Uint8Array): boolean {
  if (isGzip(bytes)) {
    try {
      return isNIFTI(arrayBuffer(gunzipPrefix(bytes, 540)));
    } catch {
      return false;
    }
  }
  return bytes.length >= 348 && isNIFTI(arrayBuffer(bytes.subarray(0, 540)));
}

function header(bytes: Uint8Array, file: string): NIFTI1 | NIFTI2 {
  const head = arrayBuffer(bytes.subarray(0, Math.min(bytes.length, 540)));
  if (!isNIFTI(head)) throw invalid(file, 'it is not a NIfTI-1 or NIfTI-2 file (no NIfTI magic)');
  try {
    return readHeader(head);
  } catch (e) {
    throw invalid(file, `its header cannot be read (${String(e)})`);
  }
}

/** [nx, ny, nz] of a single 3D (or 2D) volume; more volumes are refused, not picked from. */
function volumeDims(
  h: NIFTI1 | NIFTI2,
  file: string,
  limits: NiftiLimits,
): [number, number, number] {
  const rank = h.dims[0];
  if (!Number.isInteger(rank) || rank < 1 || rank > 7)
    throw invalid(file, `its header gives ${rank} dimensions (dim[0] must be 1 to 7)`);
  const size = (d: number) => (d <= rank ? h.dims[d] : 1);
  for (let d = 1; d <= rank; d++) {
    const n = h.dims[d];
    if (!Number.isSafeInteger(n) || n < 1) throw invalid(file, `dimension ${d} is ${n} voxels`);
    if (d > 3 && n > 1)
      throw invalid(file, `it holds ${n} volumes along dimension ${d}; give one 3D volume`);
  }
  const dims: [number, number, number] = [size(1), size(2), size(3)];
  const voxels = dims[0] * dims[1] * dims[2];
  if (voxels > limits.maxVoxels)
    throw new ProblemError(
      'limit-exceeded',
      `${file}: ${dims.join(' × ')} voxels is more than the limit of ${limits.maxVoxels}`,
      { file, voxels, max: limits.maxVoxels },
    );
  return dims;
}

function affineLps(h: NIFTI1 | NIFTI2, file: string): NiftiVolume['affineLps'] {
  const a = h.affine;
  const rows = [0, 1, 2].map((r) => {
    const sign = r < 2 ? -1 : 1; // RAS → LPS
    return [0, 1, 2, 3].map((c) => sign * a[r][c]) as [number, number, number, number];
  });
  if (rows.some((row) => row.some((v) => !Number.isFinite(v))))
    throw invalid(file, 'its voxel-to-world transform (qform/sform) is not finite numbers');
  for (let c = 0; c < 3; c++) {
    const n = Math.hypot(rows[0][c], rows[1][c], rows[2][c]);
    if (!(n > 0)) throw invalid(file, `its voxel-to-world transform gives axis ${c + 1} no length`);
  }
  return rows;
}

function readValues(
  data: Uint8Array,
  offset: number,
  count: number,
  type: number,
  littleEndian: boolean,
): Float32Array {
  const view = new DataView(data.buffer, data.byteOffset + offset);
  const out = new Float32Array(count);
  const le = littleEndian;
  switch (type) {
    case 2:
      for (let i = 0; i < count; i++) out[i] = view.getUint8(i);
      break;
    case 256:
      for (let i = 0; i < count; i++) out[i] = view.getInt8(i);
      break;
    case 4:
      for (let i = 0; i < count; i++) out[i] = view.getInt16(2 * i, le);
      break;
    case 512:
      for (let i = 0; i < count; i++) out[i] = view.getUint16(2 * i, le);
      break;
    case 8:
      for (let i = 0; i < count; i++) out[i] = view.getInt32(4 * i, le);
      break;
    case 768:
      for (let i = 0; i < count; i++) out[i] = view.getUint32(4 * i, le);
      break;
    case 16:
      for (let i = 0; i < count; i++) out[i] = view.getFloat32(4 * i, le);
      break;
    default:
      for (let i = 0; i < count; i++) out[i] = view.getFloat64(8 * i, le);
  }
  return out;
}

/** A NIfTI volume from the bytes of a .nii or .nii.gz file. */
export function readNifti(
  bytes: Uint8Array,
  file: string,
  limits: Partial<NiftiLimits> = {},
): NiftiVolume {
  const lim = { ...defaultLimits, ...limits };
  const gz = isGzip(bytes);
  let data: Uint8Array;
  try {
    data = gz ? gunzipPrefix(bytes, 540) : bytes;
  } catch (e) {
    throw invalid(file, `it does not inflate (${String(e)})`);
  }
  const h = header(data, file);
  const dims = volumeDims(h, file, lim);
  const size = bytesPerVoxel[h.datatypeCode];
  if (!size) throw invalid(file, `its data type ${h.datatypeCode} is not one grey value per voxel`);
  const minOffset = isNIFTI2(arrayBuffer(data.subarray(0, 540))) ? 540 : 348;
  const offset = h.vox_offset;
  if (!Number.isSafeInteger(offset) || offset < minOffset)
    throw invalid(file, `its voxel offset ${offset} is not past the header`);
  const count = dims[0] * dims[1] * dims[2];
  const needed = offset + count * size;
  if (gz) {
    try {
      data = gunzipPrefix(bytes, needed);
    } catch (e) {
      throw invalid(file, `it does not inflate (${String(e)})`);
    }
  }
  if (data.length < needed)
    throw invalid(file, `it is truncated: ${data.length} bytes where the header needs ${needed}`);
  const values = readValues(data, offset, count, h.datatypeCode, h.littleEndian);
  // NIfTI: a slope of 0 (or not a number) means the values are stored unscaled.
  const scaled = Number.isFinite(h.scl_slope) && h.scl_slope !== 0;
  const slope = scaled ? h.scl_slope : 1;
  const inter = scaled && Number.isFinite(h.scl_inter) ? h.scl_inter : 0;
  for (let i = 0; i < count; i++) {
    const v = values[i] * slope + inter;
    if (v - v !== 0) throw invalid(file, 'it holds values that are not finite numbers');
    values[i] = v;
  }
  return { kind: 'nifti', file, dims, values, affineLps: affineLps(h, file) };
}
