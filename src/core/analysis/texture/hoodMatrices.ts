// NGTDM and NGLDM from one pass of neighbourhood counts: both read the same per-voxel counts
// (NGTDM the ROI neighbours and their level sum, NGLDM the dependent neighbours), so a whole
// image asked for both is walked once instead of twice. The matrices are the ones each family
// counts alone (the same counts in the same order).
import type { DiscreteVolume } from '../volume';
import type { TextureMatrix } from './matrix';
import { ngldmCounter } from './ngldm';
import { ngtdmCounter } from './ngtdm';
import { forEachHoodSlice } from './simd/neighboursWasm';

export interface HoodMatrices {
  ngtdm: TextureMatrix;
  ngldm: TextureMatrix;
}

/** Both matrices of slice z (z >= 0) or the volume (z = -1); null without WebAssembly or
 * where the counts would not fit it (the families then count alone). */
export function hoodMatrices(
  volume: DiscreteVolume,
  z: number,
  distance: number,
  alpha: number,
): HoodMatrices | null {
  const ngtdm = ngtdmCounter(volume);
  const ngldm = ngldmCounter(volume, z, distance);
  const done = forEachHoodSlice(volume, z, distance, alpha, (zz, w, s, k, rowStep) => {
    ngtdm.slice(zz, w, s, k, rowStep);
    ngldm.slice(zz, w, s, k, rowStep);
  });
  return done ? { ngtdm: ngtdm.matrix(), ngldm: ngldm.matrix() } : null;
}
