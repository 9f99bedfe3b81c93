// A NIfTI image through a filter and back out as NIfTI: the path `consilium filter` takes and
// the IBSI 2 corpus test checks, so what is verified is what the command writes.
import type { ImageVolume } from '../analysis/volume.ts';
import type { NiftiVolume } from '../masks/nifti.ts';
import { filterResponse } from './applyFilter.ts';
import { niftiBytes } from './niftiWrite.ts';
import { filterLabel } from './spec.ts';
import type { FilterSpec } from './types.ts';

export function niftiImageVolume(v: NiftiVolume): ImageVolume {
  const a = v.affineLps;
  const spacing = [0, 1, 2].map((c) => Math.hypot(a[0][c], a[1][c], a[2][c]) || 1);
  return { values: v.values, dims: v.dims, spacingMm: [spacing[0], spacing[1], spacing[2]] };
}

/** The response map of a NIfTI image as the bytes of a NIfTI file on the same grid. */
export function filteredNifti(v: NiftiVolume, spec: FilterSpec, gzip: boolean): Uint8Array {
  const values = filterResponse(niftiImageVolume(v), spec);
  return niftiBytes(
    { dims: v.dims, values, affineLps: v.affineLps, description: filterLabel(spec) },
    gzip,
  );
}
