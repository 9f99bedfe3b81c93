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

export const defaultParams: FeatureParams = {
  discretisation: { kind: 'bin-count', binCount: 32 },
  aggregation: '3d-merged',
  distance: 1,
  ngldmAlpha: 0,
};
