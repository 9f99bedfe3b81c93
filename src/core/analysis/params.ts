// The parameters that produce a feature set; they travel with every result.
import type { Discretisation, ResegmentRange } from './discretise';
import type { DirectionalAggregation } from './texture/aggregate';

export interface FeatureParams {
  discretisation: Discretisation;
  resegment?: ResegmentRange;
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

/**
 * The one set of feature defaults: the Analysis tab, the Bundles tab's whole-image features,
 * `consilium features` and `consilium analyze` all start from it. 3D merged, so a series (or a
 * ROI drawn over several slices) gives one record, not one per slice.
 */
export const defaultParams: FeatureParams = {
  discretisation: { kind: 'bin-count', binCount: defaultBinCount },
  aggregation: '3d-merged',
  distance: 1,
  ngldmAlpha: 0,
};
