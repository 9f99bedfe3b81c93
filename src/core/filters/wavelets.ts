// Separable undecimated wavelets: PyWavelets' decomposition filters (dec_lo, dec_hi), applied à
// trous. The level-ℓ response along an axis is the low-pass of levels 1…ℓ−1 followed by the
// chosen band at level ℓ, each level's filter dilated by 2^(level−1), composed into one kernel.
import type { ImageVolume } from '../analysis/volume.ts';
import { ProblemError } from '../result.ts';
import { composed, dilated, identityKernel, kernel1d, type Kernel1d } from './kernel.ts';
import { applySeparablePooled } from './separable.ts';
import type { WaveletName, WaveletSpec } from './types.ts';

const s = Math.SQRT1_2;
const decLo: Record<WaveletName, number[]> = {
  haar: [s, s],
  db1: [s, s],
  db2: [-0.12940952255126037, 0.2241438680420134, 0.8365163037378079, 0.48296291314453416],
  db3: [
    0.03522629188570953, -0.08544127388202666, -0.13501102001025458, 0.45987750211849154,
    0.8068915093110925, 0.33267055295008263,
  ],
  coif1: [
    -0.015655728135791993, -0.07273261951252645, 0.3848648468648578, 0.8525720202116004,
    0.3378976624574818, -0.07273261951252645,
  ],
};

export const waveletNames = Object.keys(decLo) as WaveletName[];

/** dec_hi[i] = (−1)^(i+1) · dec_lo[N−1−i] (the quadrature mirror filter). */
function decHi(lo: number[]): number[] {
  const n = lo.length;
  return lo.map((_, i) => (i % 2 === 0 ? -1 : 1) * lo[n - 1 - i]);
}

/** The zero offset of a filter of even length L sits at tap L/2 (the IBSI consensus maps of
 * 5.a, 6.a and 7.a.2 pass with it and fail by a voxel's shift with L/2 − 1). */
function waveletOrigin(length: number): number {
  return length >> 1;
}

function band(name: WaveletName, high: boolean): Kernel1d {
  const lo = decLo[name];
  const taps = high ? decHi(lo) : lo;
  return kernel1d(taps, waveletOrigin(taps.length));
}

export function waveletKernel(name: WaveletName, level: number, high: boolean): Kernel1d {
  let k = identityKernel;
  for (let l = 1; l < level; l++) k = composed(k, dilated(band(name, false), 2 ** (l - 1)));
  return composed(k, dilated(band(name, high), 2 ** (level - 1)));
}

export function waveletResponse(img: ImageVolume, spec: WaveletSpec): Float32Array {
  const r = spec.response.toUpperCase();
  if (r.length !== spec.dims || /[^LH]/.test(r))
    throw new ProblemError(
      'bad-filter-parameter',
      `Wavelet response "${spec.response}" is not ${spec.dims} letters of L and H (one per axis, e.g. ${spec.dims === 3 ? 'LHL' : 'LH'}).`,
      { parameter: 'response', value: spec.response },
    );
  const k = [0, 1, 2].map((a) =>
    a < r.length ? waveletKernel(spec.wavelet, spec.level, r[a] === 'H') : identityKernel,
  );
  return applySeparablePooled(
    img,
    [k[0], k[1], k[2]],
    spec.boundary,
    spec.dims,
    spec.rotationInvariant ? spec.pooling : null,
  );
}
