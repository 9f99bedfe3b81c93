// The parameters that produce a feature set; they travel with every result.
import type { Discretisation, ResegmentRange } from './discretise';
import type { DirectionalAggregation } from './texture/aggregate';

/** How intensities between voxel centres are estimated: nearest neighbour, (bi/tri)linear,
 * or cubic B-spline (IBSI reference manual, section 2.4). */
export type Interpolation = 'nearest' | 'linear' | 'cubic';

export const interpolations: readonly Interpolation[] = ['nearest', 'linear', 'cubic'];

/** IBSI image interpolation before features: a new grid centred on the old one. */
export interface ResampleParams {
  /** Target spacing: [x, y] resamples within slices only (slice spacing kept), [x, y, z] in 3D. */
  spacingMm: readonly number[];
  interpolation: Interpolation;
  /** The mask is interpolated too (linearly, or by nearest neighbour when the image is) and
   * keeps the voxels at or above this partial-volume fraction. */
  maskThreshold: number;
}

export interface FeatureParams {
  discretisation: Discretisation;
  /** Range re-segmentation; null is an open bound. */
  resegment?: ResegmentRange;
  /** Outlier re-segmentation: keeps the ROI voxels within mean ± outliers × SD of the ROI. */
  outliers?: number;
  /** Discretisation of the intensity-volume histogram alone; absent: none for integer data,
   * 1000 bins otherwise (IBSI section 3.5). */
  ivhDiscretisation?: Discretisation;
  /** Interpolation to a new voxel spacing before everything else; absent: none. */
  resample?: ResampleParams;
  /** Texture aggregation; zone families use its 2D / 2.5D / 3D counterpart. */
  aggregation: DirectionalAggregation;
  /** Chebyshev distance for GLCM, NGTDM and NGLDM neighbours. */
  distance: number;
  /** NGLDM coarseness: neighbours within alpha grey levels count as dependent. */
  ngldmAlpha: number;
}

/** Fixed bin number (FBN) by default; the bin width offered when FBS is chosen (25 HU on CT). */
export const defaultBinCount = 32;
export const defaultBinWidth = 25;

/** The partial-volume threshold IBSI names as the common choice. */
export const defaultMaskThreshold = 0.5;

/**
 * The one set of feature defaults: the Analysis tab, the Bundles tab's whole-image features,
 * `consilium features` and `consilium analyze` all start from it. 3D merged, so a series (or a
 * ROI drawn over several slices) gives one record, not one per slice. No image processing
 * (resampling, outlier filtering, IVH discretisation): those keys are absent, so results made
 * before they existed keep their parameter hash.
 */
export const defaultParams: FeatureParams = {
  discretisation: { kind: 'bin-count', binCount: defaultBinCount },
  aggregation: '3d-merged',
  distance: 1,
  ngldmAlpha: 0,
};
