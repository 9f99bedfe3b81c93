// One call from a ROI volume and parameters to every registered feature value.
import {
  discretise,
  intensityMaskAndRange,
  intensityMaskOf,
  type IntensityMask,
  type ResegmentRange,
} from './discretise';
import { assertResegmentedNotEmpty, resegmentationRange } from './processing/resegment';
import type { FamilyId, FeatureDef } from './featureDef';
import { localIntensity } from './local/intensityPeak';
import { morphology } from './morphology/morphology';
import type { FeatureParams } from './params';
import { familyDefs, textureFamilies } from './registry';
import { cropToMask } from './roi/cropToMask';
import { intensityHistogram } from './intensity/intensityHistogram';
import { intensityStatistics } from './intensity/intensityStatistics';
import { intensityVolumeHistogram } from './intensity/intensityVolumeHistogram';
import {
  aggregateDirectional,
  aggregateZones,
  directionalAggregationCodes,
  zoneAggregationCodes,
  zoneAggregationOf,
  type MatricesOf,
} from './texture/aggregate';
import { glcmMatrices } from './texture/glcm';
import { glcmFeatures } from './texture/glcmFeatures';
import { gldzmFeatures, gldzmMatrix } from './texture/gldzm';
import { glrlmFeatures, glrlmMatrices } from './texture/glrlm';
import { glszmFeatures, glszmMatrix } from './texture/glszm';
import { ngldmFeatures, ngldmMatrix } from './texture/ngldm';
import { ngtdmFeatures, ngtdmMatrix } from './texture/ngtdm';
import { borderDistance } from './texture/borderDistance';
import { labelZones, type Zones } from './texture/zones';
import { hoodMatrices, type HoodMatrices } from './texture/hoodMatrices';
import type { TextureMatrix } from './texture/matrix';
import { assertRoiShape, type DiscreteVolume, type RoiVolume } from './volume';

export interface FeatureValue extends FeatureDef {
  /** IBSI aggregation identifier for texture features (e.g. IAZD), '' otherwise. */
  aggregation: string;
  value: number;
}

export interface FeatureSet {
  params: FeatureParams;
  roiVoxels: number;
  features: FeatureValue[];
}

/** Matrices counted elsewhere (e.g. on the GPU) for the discretised ROI, used instead of
 * counting here; they must equal what the CPU would count. */
export interface FeatureOverrides {
  glcm?: MatricesOf;
}

/** What every family starts from, made once for all of them (and shared by the threads of
 * src/cli/familyThreads.ts). */
export interface PreparedRoi {
  /** The ROI cut to the box around its mask (the ROI itself where that is all of it). */
  box: RoiVolume;
  /** The box's first slice in the ROI. */
  z0: number;
  /** Range and outlier re-segmentation as one range. */
  range: ResegmentRange | undefined;
  masked: IntensityMask;
  discrete: DiscreteVolume;
}

/** What every family starts from but the grey levels: the box, its range and masks. */
export type PreparedBox = Omit<PreparedRoi, 'discrete'>;

export function prepareBox(roi: RoiVolume, params: FeatureParams): PreparedBox {
  assertRoiShape(roi);
  // Intensity and texture families see only the mask's voxels and whether their neighbours are
  // in it, so they run on the box around the mask; morphology and local intensity (positions,
  // the image around the ROI) keep the whole volume.
  const { roi: box, z0 } = cropToMask(roi);
  // Discretisation and the IVH take their bounds from the user's range alone.
  const range = resegmentationRange(box, params);
  // The mask, the range its values span and their count in one pass (a whole image is large).
  const masked = intensityMaskAndRange(box, range);
  if (masked.voxels === 0) assertResegmentedNotEmpty(masked.mask, params);
  return { box, z0, range, masked };
}

/** newLevels: where the grey levels go (discretise's), e.g. shared memory for the threads of
 * src/cli/familyThreads.ts, so they are made once and never copied. */
export function prepareRoi(
  roi: RoiVolume,
  params: FeatureParams,
  newLevels?: (n: number) => Uint16Array,
): PreparedRoi {
  return withLevels(prepareBox(roi, params), params, newLevels);
}

/** The prepared box with its grey levels. */
export function withLevels(
  prepared: PreparedBox,
  params: FeatureParams,
  newLevels?: (n: number) => Uint16Array,
): PreparedRoi {
  const { box, masked } = prepared;
  const discrete = discretise(
    box,
    masked.mask,
    params.discretisation,
    params.resegment,
    masked,
    newLevels,
  );
  return { ...prepared, discrete };
}

/** Families that read the grey levels. */
export const usesLevels = (f: FamilyId): boolean =>
  f === 'intensity-histogram' || textureFamilies.has(f);

export function computeFeatures(
  roi: RoiVolume,
  params: FeatureParams,
  families: readonly FamilyId[] = Object.keys(familyDefs) as FamilyId[],
  overrides: FeatureOverrides = {},
  prepared?: PreparedRoi,
): FeatureSet {
  // The grey levels (2 bytes a voxel) are held by this one binding alone, so they can go once
  // no family left needs them: morphology and local intensity, last, run without them.
  let discrete: DiscreteVolume;
  const { box, z0, range, masked } = ({ discrete } = prepared ?? prepareRoi(roi, params));
  const intensityMask = masked.mask;
  // Undefined masks are every voxel (a whole image given without one).
  let wholeMask: { mask: Uint8Array | undefined } | undefined;
  const wholeIntensityMask = (): Uint8Array | undefined =>
    box === roi ? intensityMask : (wholeMask ??= { mask: intensityMaskOf(roi, range) }).mask;
  let ivhGreyLevels = false;
  const agg = params.aggregation;
  const zoneAgg = zoneAggregationOf(agg);
  const d = params.distance;
  const glcmOverride = overrides.glcm;
  // Overrides are counted on the whole volume: slice z of the box is slice z + z0 there.
  const glcmOf: MatricesOf = glcmOverride
    ? (dirs, z) => glcmOverride(dirs, z < 0 ? z : z + z0)
    : (dirs, z) => glcmMatrices(discrete, dirs, z, d);
  // GLSZM and GLDZM label the same 3D zones: once for both when both are asked for (a whole
  // image's labelling is a large share of either), dropped after GLDZM. Each zone keeps its
  // smallest border distance as it is labelled, so no zone id per voxel is kept.
  let zones3d: Zones | undefined;
  const bothZoneFamilies = families.includes('glszm') && families.includes('gldzm');
  const sharedZones = (z: number): Zones | undefined =>
    bothZoneFamilies && z < 0
      ? (zones3d ??= labelZones(discrete, z, borderDistance(box.mask, discrete.dims, z)))
      : undefined;
  // NGTDM and NGLDM read the same neighbourhood counts: one pass for both when both are asked
  // for; the first family's call makes both matrices, the second takes its own.
  const bothHoodFamilies = families.includes('ngtdm') && families.includes('ngldm');
  const hoods = new Map<number, Partial<HoodMatrices>>();
  const sharedHood = (z: number, family: keyof HoodMatrices): TextureMatrix | undefined => {
    if (!bothHoodFamilies) return undefined;
    let pair = hoods.get(z);
    if (!pair) hoods.set(z, (pair = hoodMatrices(discrete, z, d, params.ngldmAlpha) ?? {}));
    const m = pair[family];
    delete pair[family];
    return m;
  };
  const compute: Record<FamilyId, () => Float64Array> = {
    'intensity-statistics': () => intensityStatistics(box.values, intensityMask),
    'intensity-histogram': () => intensityHistogram(discrete.levels, discrete.levelCount),
    glcm: () => aggregateDirectional(discrete, agg, glcmOf, glcmFeatures),
    glrlm: () =>
      aggregateDirectional(
        discrete,
        agg,
        (dirs, z) => glrlmMatrices(discrete, dirs, z),
        glrlmFeatures,
      ),
    glszm: () =>
      aggregateZones(
        discrete,
        zoneAgg,
        (z) => glszmMatrix(discrete, z, sharedZones(z)),
        glszmFeatures,
      ),
    ngtdm: () =>
      aggregateZones(
        discrete,
        zoneAgg,
        (z) => sharedHood(z, 'ngtdm') ?? ngtdmMatrix(discrete, z, d),
        ngtdmFeatures,
      ),
    ngldm: () =>
      aggregateZones(
        discrete,
        zoneAgg,
        (z) => sharedHood(z, 'ngldm') ?? ngldmMatrix(discrete, z, d, params.ngldmAlpha),
        ngldmFeatures,
      ),
    // Border distances are measured in the morphological mask, before resegmentation.
    gldzm: () => {
      const values = aggregateZones(
        discrete,
        zoneAgg,
        (z) => gldzmMatrix(discrete, box.mask, z, sharedZones(z)),
        gldzmFeatures,
      );
      zones3d = undefined;
      return values;
    },
    'intensity-volume-histogram': () => {
      const ivh = intensityVolumeHistogram(
        box.values,
        intensityMask,
        params.resegment,
        params.ivhDiscretisation,
      );
      ivhGreyLevels = ivh.greyLevels;
      return ivh.values;
    },
    morphology: () => morphology(roi, wholeIntensityMask()),
    'local-intensity': () => localIntensity(roi, wholeIntensityMask()),
  };
  const features: FeatureValue[] = [];
  for (const [k, family] of families.entries()) {
    const defs = familyDefs[family];
    if (defs.length === 0) continue;
    const values = compute[family]();
    const aggregation = !textureFamilies.has(family)
      ? ''
      : family === 'glcm' || family === 'glrlm'
        ? directionalAggregationCodes[agg]
        : zoneAggregationCodes[zoneAgg];
    // With a fixed bin number the IVH's intensities are grey levels, not image units.
    const unitless = family === 'intensity-volume-histogram' && ivhGreyLevels;
    defs.forEach((def, j) =>
      features.push({ ...def, ...(unitless ? { unit: '' } : {}), aggregation, value: values[j] }),
    );
    // A caller's prepared ROI stays whole (it holds the levels anyway).
    if (!prepared && !families.slice(k + 1).some(usesLevels))
      discrete = { ...discrete, levels: new Uint16Array(0) };
  }
  return { params, roiVoxels: masked.voxels, features };
}
