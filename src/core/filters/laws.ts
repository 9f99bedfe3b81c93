// Laws kernels: products of the normalised 1D kernels L (level), E (edge), S (spot), W (wave)
// and R (ripple) of length 3 or 5, one per axis (E5L5S5 = E5 along x, L5 along y, S5 along z),
// optionally followed by the energy map: the mean of |response| over (2δ+1)^d voxels.
import type { ImageVolume } from '../analysis/volume.ts';
import { ProblemError } from '../result.ts';
import { identityKernel, kernel1d, type Kernel1d } from './kernel.ts';
import { meanResponse } from './mean.ts';
import { meanPlanes } from './simd/meanPlanes.ts';
import { applySeparablePooled } from './separable.ts';
import type { LawsSpec } from './types.ts';

const raw: Record<string, number[]> = {
  L3: [1, 2, 1],
  E3: [-1, 0, 1],
  S3: [-1, 2, -1],
  L5: [1, 4, 6, 4, 1],
  E5: [-1, -2, 0, 2, 1],
  S5: [-1, 0, 2, 0, -1],
  W5: [-1, 2, 0, -2, 1],
  R5: [1, -4, 6, -4, 1],
};

export const lawsKernelNames = Object.keys(raw);

function normalised(name: string): Kernel1d {
  const t = raw[name];
  const norm = Math.sqrt(t.reduce((s, v) => s + v * v, 0));
  return kernel1d(t.map((v) => v / norm));
}

/** The 1D kernel names of a product such as E5L5S5, or a Problem when it is not one. */
export function lawsParts(kernel: string, dims: 2 | 3): string[] {
  const parts = kernel.toUpperCase().match(/[A-Z]\d/g) ?? [];
  const bad = parts.join('') !== kernel.toUpperCase() || parts.some((p) => !raw[p]);
  if (bad || parts.length !== dims)
    throw new ProblemError(
      'bad-filter-parameter',
      `Laws kernel "${kernel}" is not a product of ${dims} of ${lawsKernelNames.join(', ')} (one per axis, e.g. ${dims === 3 ? 'E5L5S5' : 'L5S5'}).`,
      { parameter: 'kernel', value: kernel },
    );
  return parts;
}

export function lawsResponse(img: ImageVolume, spec: LawsSpec): Float32Array {
  const parts = lawsParts(spec.kernel, spec.dims).map(normalised);
  const k = [parts[0], parts[1], parts[2] ?? identityKernel] as const;
  const r = applySeparablePooled(
    img,
    k,
    spec.boundary,
    spec.dims,
    spec.rotationInvariant ? spec.pooling : null,
  );
  if (spec.energyDelta === null) return r;
  for (let i = 0; i < r.length; i++) r[i] = Math.abs(r[i]);
  const abs = { ...img, values: r };
  const support = 2 * spec.energyDelta + 1;
  // in place where the WASM path runs: the energy map needs no third volume
  return (
    meanPlanes(abs, support, spec.boundary, spec.dims, true) ??
    meanResponse(abs, support, spec.boundary, spec.dims)
  );
}
