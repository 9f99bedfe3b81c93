// What the analysis slice holds: ROIs in image coordinates, settings, and small results.
// Pixel data and edge masks never live here (they stay in the frame cache and the overlay).
import type { FeatureValue } from '../../core/analysis/computeFeatures.ts';
import type { Discretisation } from '../../core/analysis/discretise.ts';
import type { FamilyId } from '../../core/analysis/featureDef.ts';
import type { RoiHistogram } from '../../core/analysis/jobs/roiHistogram.ts';
import type { FeatureParams, ResampleParams } from '../../core/analysis/params.ts';
import type { RoiShape } from '../../core/analysis/roi/shapes.ts';
import type { DirectionalAggregation } from '../../core/analysis/texture/aggregate.ts';
import type { Problem } from '../../core/result.ts';

export type RoiTool = 'rectangle' | 'ellipse' | 'polygon';

/** A ROI of one series: a shape per stack position (file#frame), so it is a per-slice stack. */
export interface Roi {
  id: string;
  name: string;
  seriesUID: string;
  shapes: Record<string, RoiShape>;
  /** For a structure of an RTSTRUCT or SEG: "file#number", so it is imported once. */
  source?: string;
  /** Switched off in the series list: kept (and analysable) but not drawn. */
  hidden?: boolean;
}

export interface AnalysisSettings {
  families: FamilyId[];
  /** 'none': intensities rounded to grey levels (integer data such as CT). */
  binning: 'bin-count' | 'bin-width' | 'none';
  binCount: number;
  binWidth: number;
  /** Resegmentation range in modality values; null keeps every ROI voxel. */
  resegment: [number, number] | null;
  aggregation: DirectionalAggregation;
  distance: number;
  /** One result per slice instead of one per ROI volume (any aggregation). */
  perSlice?: boolean;
  /** IBSI image processing before features, as `consilium features` does it; absent or null:
   * none (so results made before these existed keep their keys). */
  resample?: ResampleParams | null;
  /** Outlier re-segmentation: mean ± this many SD of the ROI. */
  outliers?: number | null;
  /** The intensity-volume histogram's own discretisation; null: IBSI's default. */
  ivhDiscretisation?: Discretisation | null;
  /** NGLDM coarseness; absent: 0. */
  ngldmAlpha?: number;
}

export type RunScope = 'image' | 'series' | 'all';
/** The ROI a run uses: a drawn ROI's id, or the whole image on every slice. */
export type RoiChoice = string | 'whole';

export interface EdgeSettings {
  enabled: boolean;
  opacity: number;
  colour: string;
  sigma: number;
  thresholds: 'percentile' | 'absolute';
  low: number;
  high: number;
  /** Clamp to the displayed window first, so edges follow W/L. */
  followWindow: boolean;
}

export interface AnalysisResult {
  key: string;
  seriesUID: string;
  /** The stack position (file#frame) for per-slice results; '' for a whole series. */
  position: string;
  /** Slice number (1-based) for per-slice results, 0 for a whole series. */
  slice: number;
  roiName: string;
  roiKey: string;
  paramsKey: string;
  params: FeatureParams;
  roiVoxels: number;
  features: FeatureValue[];
  histogram: RoiHistogram;
}

export interface RunState {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'failed';
  done: number;
  total: number;
  cached: number;
  failures: RunFailure[];
}

/** One job that failed: its ROI and slice, and why (translated where it is shown). */
export interface RunFailure {
  roi: string;
  slice: number;
  problem: Problem;
}
