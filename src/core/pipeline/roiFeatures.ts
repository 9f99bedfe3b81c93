// The one step from a ROI to its features, as IBSI orders image processing: interpolation to
// the chosen grid (image and mask), re-segmentation, discretisation, then every feature family
// on the processed ROI. `consilium features` calls it for each ROI; the settings it used come
// back with the values.
import {
  computeFeatures,
  type FeatureOverrides,
  type FeatureSet,
} from '../analysis/computeFeatures.ts';
import type { FamilyId } from '../analysis/featureDef.ts';
import type { FeatureParams, ResampleParams } from '../analysis/params.ts';
import { interpolations } from '../analysis/params.ts';
import { resampleRoi } from '../analysis/processing/resampleRoi.ts';
import { analysisError, type Dims, type RoiVolume, type SpacingMm } from '../analysis/volume.ts';

/** Local intensity averages a 1 cm³ sphere (radius 6.2 mm) around ROI voxels: resampling keeps
 * this much image around the ROI, so cutting the new grid there changes nothing. */
const localIntensityMarginMm = 7;

export interface RoiFeatureSet extends FeatureSet {
  /** The grid the features were computed on (after resampling, cut around the ROI). */
  dims: Dims;
  spacingMm: SpacingMm;
}

export interface RoiFeaturesOptions {
  /** DICOM modality: CT intensities are rounded to whole HU after interpolation. */
  modality?: string;
  families?: readonly FamilyId[];
  /** Matrices counted elsewhere (the workbench's GPU) on `processed`. */
  overrides?: FeatureOverrides;
  /** processRoi(roi, params, modality), when the caller needed it first (for overrides). */
  processed?: RoiVolume;
}

/** Throws a bad-parameter analysis error on settings no grid can follow. */
export function checkResampleParams(r: ResampleParams): void {
  const s = r.spacingMm;
  if ((s.length !== 2 && s.length !== 3) || !s.every((v) => Number.isFinite(v) && v > 0))
    throw analysisError(
      'bad-parameter',
      `Resampling needs 2 or 3 spacings above 0 mm (x,y or x,y,z), not ${s.join(',')}.`,
    );
  if (!interpolations.includes(r.interpolation))
    throw analysisError(
      'bad-parameter',
      `Interpolation must be one of ${interpolations.join(', ')}, not ${String(r.interpolation)}.`,
    );
  if (!(r.maskThreshold > 0 && r.maskThreshold <= 1))
    throw analysisError(
      'bad-parameter',
      `The mask threshold must be above 0 and at most 1, not ${r.maskThreshold}.`,
    );
}

/** The ROI as the features see it: resampled when the settings say so. */
export function processRoi(roi: RoiVolume, params: FeatureParams, modality = ''): RoiVolume {
  if (!params.resample) return roi;
  checkResampleParams(params.resample);
  return resampleRoi(roi, params.resample, {
    round: modality === 'CT',
    marginMm: localIntensityMarginMm,
  });
}

export function roiFeatures(
  roi: RoiVolume,
  params: FeatureParams,
  { modality = '', families, overrides, processed: given }: RoiFeaturesOptions = {},
): RoiFeatureSet {
  const processed = given ?? processRoi(roi, params, modality);
  const set = computeFeatures(processed, params, families, overrides);
  return { ...set, dims: processed.dims, spacingMm: processed.spacingMm };
}
