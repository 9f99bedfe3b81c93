// One entry point for every filter: the response map of an image volume for a parsed spec, the
// same map whichever caller asks (CLI, worker, corpus test).
import type { ImageVolume } from '../analysis/volume.ts';
import { ProblemError } from '../result.ts';
import { dftFrequency, fourierResponse } from './fourier.ts';
import { gaborResponse } from './gabor.ts';
import { lawsResponse } from './laws.ts';
import { logResponse, logTransfer } from './log.ts';
import { meanResponse } from './mean.ts';
import { rieszTransfer } from './riesz.ts';
import { referenceGridFrequency, simoncelliTransfer } from './simoncelli.ts';
import type { FilterSpec } from './types.ts';
import { waveletResponse } from './wavelets.ts';

function checkShape(img: ImageVolume, spec: FilterSpec): void {
  const [nx, ny, nz] = img.dims;
  if (img.values.length !== nx * ny * nz)
    throw new ProblemError(
      'shape-mismatch',
      `The image has ${img.values.length} voxels, not ${nx}×${ny}×${nz}.`,
    );
  const volumetric = spec.dims === 3 || (spec.filter === 'gabor' && spec.planes === 'orthogonal');
  if (volumetric && nz < 2)
    throw new ProblemError(
      'filter-needs-volume',
      `A 3D ${spec.filter} filter needs more than one slice; this image has one. Use the 2D filter (--2d) instead.`,
      { filter: spec.filter, slices: nz },
    );
}

/** Planes a Simoncelli kernel of this level reaches in z, for the slabs of a large volume: two
 * wavelengths of its band's lowest frequency (π/4 at level 1, halved per level). */
function simoncelliReach(level: number): number {
  return 16 * 2 ** (level - 1);
}

export function filterResponse(img: ImageVolume, spec: FilterSpec): Float32Array {
  checkShape(img, spec);
  switch (spec.filter) {
    case 'mean':
      return meanResponse(img, spec.support, spec.boundary, spec.dims);
    case 'log':
      return logResponse(img, spec.sigmaMm, spec.truncate, spec.boundary, spec.dims);
    case 'laws':
      return lawsResponse(img, spec);
    case 'gabor':
      return gaborResponse(img, spec);
    case 'wavelet':
      return waveletResponse(img, spec);
    case 'simoncelli':
      return fourierResponse(
        img,
        simoncelliTransfer(spec.level, spec.dims),
        spec.boundary,
        spec.dims,
        {
          minPad: 0,
          grid: referenceGridFrequency,
          reach: simoncelliReach(spec.level),
        },
      );
    case 'riesz-simoncelli':
      return fourierResponse(
        img,
        rieszTransfer(spec.order, simoncelliTransfer(spec.level, spec.dims)),
        spec.boundary,
        spec.dims,
        { minPad: 0, grid: referenceGridFrequency, reach: simoncelliReach(spec.level) },
      );
    case 'riesz-log': {
      const radius = Math.round((spec.truncate * spec.sigmaMm) / Math.min(...img.spacingMm));
      const t = logTransfer(img.spacingMm, spec.sigmaMm, spec.truncate, spec.dims);
      // the Riesz kernel's tail reaches past the LoG's radius
      return fourierResponse(img, rieszTransfer(spec.order, t), spec.boundary, spec.dims, {
        minPad: radius,
        grid: dftFrequency,
        reach: Math.max(16, 2 * radius),
      });
    }
  }
}
