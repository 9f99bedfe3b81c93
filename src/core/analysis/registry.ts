// Every feature Consilium computes, in IBSI family order: family, IBSI name, identifier, unit.
import type { FamilyId, FeatureDef } from './featureDef';
import { intensityHistogramDefs } from './intensity/intensityHistogram';
import { intensityStatisticsDefs } from './intensity/intensityStatistics';
import { intensityVolumeHistogramDefs } from './intensity/intensityVolumeHistogram';
import { glcmDefs } from './texture/glcmFeatures';
import { gldzmDefs } from './texture/gldzm';
import { glrlmDefs } from './texture/glrlm';
import { glszmDefs } from './texture/glszm';
import { ngldmDefs } from './texture/ngldm';
import { ngtdmDefs } from './texture/ngtdm';
import { localIntensityDefs } from './local/intensityPeak';
import { morphologyDefs } from './morphology/morphology';

export const familyDefs: Record<FamilyId, FeatureDef[]> = {
  'intensity-statistics': intensityStatisticsDefs,
  'intensity-histogram': intensityHistogramDefs,
  glcm: glcmDefs,
  glrlm: glrlmDefs,
  glszm: glszmDefs,
  ngtdm: ngtdmDefs,
  ngldm: ngldmDefs,
  gldzm: gldzmDefs,
  'intensity-volume-histogram': intensityVolumeHistogramDefs,
  morphology: morphologyDefs,
  'local-intensity': localIntensityDefs,
};

/** All features, flat, in family order. */
export const featureRegistry: readonly FeatureDef[] = Object.values(familyDefs).flat();

const textureFamilyIds: readonly FamilyId[] = ['glcm', 'glrlm', 'glszm', 'ngtdm', 'ngldm', 'gldzm'];

/** Families whose value depends on the texture aggregation (reported with its IBSI code). */
export const textureFamilies: ReadonlySet<FamilyId> = new Set(textureFamilyIds);

/** The families the Analysis tab computes unless the user changes them: intensity and texture. */
export const defaultFamilies: readonly FamilyId[] = [
  'intensity-statistics',
  'intensity-histogram',
  ...textureFamilyIds,
];
