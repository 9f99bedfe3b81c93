// Whole-image features of a series' filtered images (`consilium analyze --filter`): the same
// volume and mask as the unfiltered whole-image record, one more record per filter, named by
// the ROI and the filter's canonical spec so the two never overwrite each other in a bundle.
import type { FamilyId } from '../analysis/featureDef.ts';
import type { FeatureParams } from '../analysis/params.ts';
import type { ImageVolume } from '../analysis/volume.ts';
import type { InstanceMeta } from '../dicom/types.ts';
import {
  filteredRoiFeatures,
  filteredRoiName,
  paramsWithFilter,
} from '../filters/filteredFeatures.ts';
import type { FilterSpec } from '../filters/types.ts';
import { WHOLE_IMAGE_ROI } from './seriesFeatures.ts';
import type { LocalFeatures } from './types.ts';

/** What a filtered image gets unless more is asked for: IBSI 2's intensity statistics. */
export const filteredFamilies: readonly FamilyId[] = ['intensity-statistics'];

export function filteredVolumeFeatures(
  seriesUid: string,
  metas: readonly InstanceMeta[],
  volume: ImageVolume,
  params: FeatureParams,
  spec: FilterSpec,
  families: readonly FamilyId[] = filteredFamilies,
): LocalFeatures {
  const mask = new Uint8Array(volume.values.length).fill(1);
  const meta = metas[0];
  const set = filteredRoiFeatures({ ...volume, mask }, params, spec, {
    modality: meta.modality,
    families,
  });
  return {
    seriesUid,
    source: {
      patientId: meta.patientID,
      studyInstanceUid: meta.studyInstanceUID,
      seriesInstanceUid: seriesUid,
    },
    roi: {
      name: filteredRoiName(WHOLE_IMAGE_ROI.name, set.filter),
      description: { ...WHOLE_IMAGE_ROI.description, filter: set.filter },
    },
    set: {
      params: paramsWithFilter(set.params, set.filter),
      roiVoxels: set.roiVoxels,
      features: set.features,
    },
  };
}
