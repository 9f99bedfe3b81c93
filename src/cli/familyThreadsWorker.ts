// Worker-thread entry of familyThreads.ts: one group of families on the shared ROI; null when
// they fail (the caller then computes in its own thread, which reports the error).
import { computeFeatures, type FeatureSet } from '../core/analysis/computeFeatures.ts';
import type { FamilyId } from '../core/analysis/featureDef.ts';
import type { FeatureParams } from '../core/analysis/params.ts';
import type { Dims, SpacingMm } from '../core/analysis/volume.ts';
import { serve } from './workerPool.ts';

/** One group's work, as plain data: the ROI's arrays are shared, not copied. */
export interface FamilyGroupTask {
  values: SharedArrayBuffer;
  mask: SharedArrayBuffer;
  dims: Dims;
  spacingMm: SpacingMm;
  params: FeatureParams;
  families: FamilyId[];
}

export function computeFamilyGroup(task: FamilyGroupTask): FeatureSet | null {
  const roi = {
    values: new Float32Array(task.values),
    mask: new Uint8Array(task.mask),
    dims: task.dims,
    spacingMm: task.spacingMm,
  };
  try {
    return computeFeatures(roi, task.params, task.families);
  } catch {
    return null;
  }
}

serve(computeFamilyGroup);
