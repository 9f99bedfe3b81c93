// Whole-image IBSI features of one series, as `consilium analyze` computes them, so a center can
// always export something real even when no ROI analysis was run.
import { computeFeatures } from '../core/analysis/computeFeatures.ts';
import type { FeatureParams } from '../core/analysis/params.ts';
import { rasteriseShape } from '../core/analysis/roi/rasterise.ts';
import { volumeFromFrames } from '../core/analysis/volumeFromFrames.ts';
import type { DecodedFrame, InstanceMeta } from '../core/dicom/types.ts';
import type { LocalFeatures } from '../core/pipeline/types.ts';

export function wholeImageFeatures(
  seriesUid: string,
  metas: readonly InstanceMeta[],
  frames: readonly DecodedFrame[],
  params: FeatureParams,
): LocalFeatures {
  const volume = volumeFromFrames(metas, frames);
  const [nx, ny, nz] = volume.dims;
  const slice = rasteriseShape({ kind: 'whole' }, nx, ny);
  const mask = new Uint8Array(slice.length * nz);
  for (let z = 0; z < nz; z++) mask.set(slice, z * slice.length);
  const set = computeFeatures({ ...volume, mask }, params);
  const meta = metas[0];
  return {
    seriesUid,
    source: {
      patientId: meta.patientID,
      studyInstanceUid: meta.studyInstanceUID,
      seriesInstanceUid: seriesUid,
    },
    roi: { name: 'whole-image', description: { kind: 'whole' } },
    set,
  };
}
