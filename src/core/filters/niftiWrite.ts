// Writing a response map as NIfTI-1 (float32, gzip-compressed when asked), on the grid of the
// image it came from: the same voxel order and the same voxel-to-patient affine (given in LPS
// like NiftiVolume's, written as NIfTI's RAS sform).
import { gzipSync } from 'fflate';

export interface NiftiOut {
  dims: readonly [number, number, number];
  values: Float32Array;
  /** Voxel (i, j, k) → patient LPS mm: rows x, y, z of [a b c t]. */
  affineLps: readonly (readonly [number, number, number, number])[];
  description?: string;
}

const headerBytes = 348;
const voxOffset = 352;

export function niftiBytes(v: NiftiOut, gzip: boolean): Uint8Array {
  const out = new Uint8Array(voxOffset + 4 * v.values.length);
  const view = new DataView(out.buffer);
  view.setInt32(0, headerBytes, true);
  const dim = [3, v.dims[0], v.dims[1], v.dims[2], 1, 1, 1, 1];
  dim.forEach((d, i) => view.setInt16(40 + 2 * i, d, true));
  view.setInt16(70, 16, true); // float32
  view.setInt16(72, 32, true);
  const spacing = [0, 1, 2].map((c) =>
    Math.hypot(v.affineLps[0][c], v.affineLps[1][c], v.affineLps[2][c]),
  );
  [1, ...spacing, 0, 0, 0, 0].forEach((p, i) => view.setFloat32(76 + 4 * i, p, true));
  view.setFloat32(108, voxOffset, true);
  view.setFloat32(112, 1, true);
  view.setFloat32(116, 0, true);
  out[123] = 2; // millimetres
  const text = new TextEncoder().encode((v.description ?? '').slice(0, 79));
  out.set(text, 148);
  view.setInt16(252, 0, true); // qform_code: none; the sform carries the geometry
  view.setInt16(254, 1, true); // sform_code: scanner
  for (let r = 0; r < 3; r++) {
    const sign = r < 2 ? -1 : 1; // LPS → RAS
    for (let c = 0; c < 4; c++)
      view.setFloat32(280 + 16 * r + 4 * c, sign * v.affineLps[r][c] + 0, true);
  }
  out.set([0x6e, 0x2b, 0x31, 0], 344); // "n+1\0"
  new Float32Array(out.buffer, voxOffset, v.values.length).set(v.values);
  return gzip ? gzipSync(out, { level: 6 }) : out;
}
