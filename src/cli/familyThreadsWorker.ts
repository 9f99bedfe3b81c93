// Worker-thread entry of familyThreads.ts: one group of families on the shared ROI; null when
// they fail (the caller then computes in its own thread, which reports the error).
import type { FeatureSet, PreparedRoi } from '../core/analysis/computeFeatures.ts';
import type { ResegmentRange } from '../core/analysis/discretise.ts';
import type { FamilyId } from '../core/analysis/featureDef.ts';
import type { FeatureParams } from '../core/analysis/params.ts';
import {
  voxelView,
  type Dims,
  type RoiVolume,
  type SpacingMm,
  type VoxelType,
} from '../core/analysis/volume.ts';
import { computeInUnits } from './familyUnits.ts';
import { serve } from './workerPool.ts';

/** One group's work, as plain data: the ROI, and what every family starts from (prepareRoi,
 * made once by the caller), are shared, not copied. */
export interface FamilyGroupTask {
  values: SharedArrayBuffer;
  /** The values' array type (an integer image travels as its 16-bit integers). */
  valueType: VoxelType;
  /** Null: no mask, every voxel. */
  mask: SharedArrayBuffer | null;
  dims: Dims;
  spacingMm: SpacingMm;
  params: FeatureParams;
  families: FamilyId[];
  prepared: {
    /** The box's arrays, or null where the box is the ROI itself. */
    box: { values: SharedArrayBuffer; mask: SharedArrayBuffer | null; dims: Dims } | null;
    z0: number;
    range: ResegmentRange | undefined;
    /** The intensity mask, or null where it is the box's mask itself. */
    intensityMask: SharedArrayBuffer | null;
    lo: number;
    hi: number;
    voxels: number;
    levels: SharedArrayBuffer;
    levelCount: number;
  };
}

/** A group's features; null for a ping (null: the caller starts the threads early, so they
 * load their modules while it prepares the ROI) and where the families fail. */
export function computeFamilyGroup(task: FamilyGroupTask | null): FeatureSet | null {
  if (task === null) return null;
  const { dims, spacingMm, prepared: p } = task;
  const roi: RoiVolume = {
    values: voxelView(task.valueType, task.values),
    ...(task.mask ? { mask: new Uint8Array(task.mask) } : {}),
    dims,
    spacingMm,
  };
  const box: RoiVolume = p.box
    ? {
        values: voxelView(task.valueType, p.box.values),
        ...(p.box.mask ? { mask: new Uint8Array(p.box.mask) } : {}),
        dims: p.box.dims,
        spacingMm,
      }
    : roi;
  const prepared: PreparedRoi = {
    box,
    z0: p.z0,
    range: p.range,
    masked: {
      mask: p.intensityMask ? new Uint8Array(p.intensityMask) : box.mask,
      lo: p.lo,
      hi: p.hi,
      voxels: p.voxels,
    },
    discrete: {
      levels: new Uint16Array(p.levels),
      dims: box.dims,
      spacingMm: box.spacingMm,
      levelCount: p.levelCount,
    },
  };
  try {
    return computeInUnits(roi, task.params, task.families, prepared);
  } catch {
    return null;
  }
}

serve(computeFamilyGroup);
