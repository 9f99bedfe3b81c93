// Features of a filtered image, in IBSI 2's order (phase 2): interpolation of image and mask,
// then the filter on the interpolated image, then the ROI re-segmented on the unfiltered
// intensities (the range is in image units, not response units), then the features of the
// response inside that ROI. Each value carries the filter's canonical spec, so a feature's
// identity is its IBSI code and its filter.
import type { FeatureValue } from '../analysis/computeFeatures.ts';
import type { FamilyId } from '../analysis/featureDef.ts';
import { resegment } from '../analysis/discretise.ts';
import type { FeatureParams } from '../analysis/params.ts';
import { resegmentationRange } from '../analysis/processing/resegment.ts';
import { resampleRoi } from '../analysis/processing/resampleRoi.ts';
import { floatImage, type RoiVolume } from '../analysis/volume.ts';
import { checkResampleParams, roiFeatures, type RoiFeatureSet } from '../pipeline/roiFeatures.ts';
import { filterResponse } from './applyFilter.ts';
import { filterLabel } from './spec.ts';
import type { FilterSpec } from './types.ts';

export interface FilteredFeatureSet extends RoiFeatureSet {
  /** The filter's canonical spec (filterLabel). */
  filter: string;
  features: (FeatureValue & { filter: string })[];
}

/** How far (mm) a filter reaches from a voxel: the margin kept around the ROI on resampling. */
export function filterReachMm(spec: FilterSpec, spacingMm: readonly number[]): number {
  const voxel = Math.max(...spacingMm);
  switch (spec.filter) {
    case 'mean':
      return (spec.support / 2) * voxel;
    case 'log':
    case 'riesz-log':
      return spec.truncate * spec.sigmaMm + voxel;
    case 'laws':
      return (3 + (spec.energyDelta ?? 0)) * voxel;
    case 'gabor':
      return spec.truncate * spec.sigmaMm * Math.max(1, 1 / spec.gamma);
    case 'wavelet':
      return 6 * 2 ** spec.level * voxel;
    case 'simoncelli':
    case 'riesz-simoncelli':
      return 8 * 2 ** spec.level * voxel;
  }
}

/** The local-intensity margin roiFeatures keeps, plus the filter's reach. */
const baseMarginMm = 7;

export function filteredRoiFeatures(
  roi: RoiVolume,
  params: FeatureParams,
  spec: FilterSpec,
  {
    modality = '',
    families,
    onResponse,
  }: {
    modality?: string;
    families?: readonly FamilyId[];
    /** Sees the response and the ROI it was measured in (the workbench's histogram). */
    onResponse?: (response: RoiVolume) => void;
  } = {},
): FilteredFeatureSet {
  let processed = roi;
  if (params.resample) {
    checkResampleParams(params.resample);
    processed = resampleRoi(roi, params.resample, {
      round: modality === 'CT',
      marginMm: baseMarginMm + filterReachMm(spec, params.resample.spacingMm),
    });
  }
  const mask = resegment(processed, resegmentationRange(processed, params));
  const values = filterResponse(floatImage(processed), spec); // filters compute in float
  onResponse?.({ ...processed, values, mask });
  const { resegment: _range, outliers: _k, ...rest } = params;
  const set = roiFeatures({ ...processed, values, mask }, rest, {
    modality,
    ...(families ? { families } : {}),
    processed: { ...processed, values, mask },
  });
  const filter = filterLabel(spec);
  return {
    ...set,
    params,
    filter,
    features: set.features.map((f) => ({ ...f, filter })),
  };
}

/** The ROI name a filtered result goes under in bundles and the results list: the ROI and its
 * filter, so a filtered row never matches (or overwrites) the unfiltered row of the same ROI. */
export function filteredRoiName(roi: string, filter: string): string {
  return `${roi} [${filter}]`;
}

/** The feature parameters with the filter that made the image: what a bundle's params (and its
 * parameter hash) say, so centers are compared on the same filter. */
export function paramsWithFilter(params: FeatureParams, filter: string): FeatureParams {
  const withFilter: FeatureParams & { filter: string } = { ...params, filter };
  return withFilter;
}
