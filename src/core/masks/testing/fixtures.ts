// The committed mask fixtures (made by tools/masks/make_mask_fixtures.py with pydicom, nibabel
// and matplotlib) and the masks that script computed for them. Tests pass in a reader of the
// fixture files, so this file needs no Node types.
import { decodeFrame } from '../../dicom/decode.ts';
import { parseInstance } from '../../dicom/parse.ts';
import { orderInstances } from '../../dicom/studyIndex.ts';
import type { DecodedFrame, InstanceMeta } from '../../dicom/types.ts';
import { gridFromMetas, type ImageGrid } from '../grid.ts';

/** Reads a file under src/core/masks/fixtures by its relative name. */
export type FixtureReader = (name: string) => Uint8Array;

export interface ExpectedMask {
  name: string;
  number: number;
  voxels: number;
  /** numpy.packbits(bitorder='little') of the mask, x fastest, as base64. */
  bits: string;
}

export interface Expected {
  dims: [number, number, number];
  spacingMm: [number, number, number];
  rtstruct: ExpectedMask[];
  rtstructErrors: Record<string, string>;
  segBinary: ExpectedMask[];
  segBinaryErrors: Record<string, string>;
  segFractional: ExpectedMask[];
  nifti: ExpectedMask[];
  ctFirstVoxels: number[];
}

export const ctSlices = Array.from({ length: 8 }, (_, k) => `ct/slice${k + 1}.dcm`);

/** One byte per voxel from packed bits (bit order little). */
export function unpackBits(packed: Uint8Array, voxels: number): Uint8Array {
  const out = new Uint8Array(voxels);
  for (let i = 0; i < voxels; i++) out[i] = (packed[i >> 3] >> (i & 7)) & 1;
  return out;
}

export interface FixtureSeries {
  metas: InstanceMeta[];
  frames: DecodedFrame[];
  grid: ImageGrid;
}

/** The fixture CT series, slices in display order, and its grid. */
export async function fixtureCt(read: FixtureReader): Promise<FixtureSeries> {
  const bytesOf = new Map<InstanceMeta, Uint8Array>();
  for (const name of ctSlices) {
    const bytes = read(name);
    const parsed = parseInstance(bytes, name);
    if (!parsed.ok) throw new Error(parsed.error.reason);
    bytesOf.set(parsed.meta, bytes);
  }
  const metas = orderInstances([...bytesOf.keys()]);
  const frames = await Promise.all(
    metas.map((m) => decodeFrame(bytesOf.get(m) ?? new Uint8Array(0), m, 0)),
  );
  return { metas, frames, grid: gridFromMetas(metas, frames[0].columns, frames[0].rows) };
}
