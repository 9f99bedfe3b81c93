// Whole-image IBSI features of one series: what every export can carry even when no ROI was
// drawn. The workbench (in an analysis worker) and `consilium analyze` both come here.
import type { FeatureParams } from '../analysis/params.ts';
import type { FeatureSet } from '../analysis/computeFeatures.ts';
import {
  floatImage,
  type ImageVolume,
  type RoiVolume,
  type VoxelValues,
} from '../analysis/volume.ts';
import { greyPixels } from '../analysis/luminance.ts';
import { sliceSizeError, spacingOf } from '../analysis/volumeFromFrames.ts';
import { VoxelStack } from '../volume/voxelStack.ts';
import type { InstanceMeta } from '../dicom/types.ts';
import { ProblemError } from '../result.ts';
import { roiFeatures } from './roiFeatures.ts';
import type { FramePixels, LocalFeatures, SeriesSource } from './types.ts';

export const WHOLE_IMAGE_ROI = { name: 'whole-image', description: { kind: 'whole' } } as const;

/** A series volume filled one frame at a time, in the smallest type that holds its values
 * exactly (int16 for a CT: core/volume/voxelStack.ts); peak memory: the volume and one frame. */
export class VolumeBuilder {
  private stack: VoxelStack | undefined;
  private first: { columns: number; rows: number } | undefined;

  /** `shared`: the values in a SharedArrayBuffer (threads read them without a copy). */
  constructor(
    private readonly metas: readonly InstanceMeta[],
    private readonly shared = false,
  ) {}

  add(z: number, frame: FramePixels): void {
    const f = greyPixels(frame); // colour: BT.601 luminance (core/analysis/luminance.ts)
    this.first ??= { columns: f.columns, rows: f.rows };
    this.stack ??= new VoxelStack(f.columns * f.rows, this.metas.length, this.shared);
    if (f.columns !== this.first.columns || f.rows !== this.first.rows)
      throw sliceSizeError(this.metas, z, f, this.first);
    this.stack.put(z, f.values, frame.samplesPerPixel !== 1);
  }

  /** The volume as stacked: int16/uint16 for an integer image, else float32. */
  stacked(): ImageVolume<VoxelValues> {
    if (!this.stack || !this.first)
      throw new ProblemError('no-images', 'The series has no images.');
    return {
      values: this.stack.values(),
      dims: [this.first.columns, this.first.rows, this.metas.length],
      spacingMm: spacingOf(this.metas),
    };
  }

  /** The volume in float32 (a copy of an integer one), for image processing (filters). */
  volume(): ImageVolume {
    return floatImage(this.stacked());
  }
}

/** The feature step of a whole-image record: roiFeatures here; the CLI may spread one large
 * ROI's families over threads (cli/familyThreads.ts), for the same values. */
export type RoiFeaturesStep = (
  roi: RoiVolume,
  params: FeatureParams,
  modality: string,
) => FeatureSet | Promise<FeatureSet>;

// Every voxel: a whole-image ROI holds no mask.
const wholeImageRoi = (volume: ImageVolume<VoxelValues>): RoiVolume => ({ ...volume });

function wholeImageRecord(
  seriesUid: string,
  metas: readonly InstanceMeta[],
  { params, roiVoxels, features }: FeatureSet,
): LocalFeatures {
  const meta = metas[0];
  // The record keeps the feature set alone (not the processed grid).
  const set = { params, roiVoxels, features };
  return {
    seriesUid,
    source: {
      patientId: meta.patientID,
      studyInstanceUid: meta.studyInstanceUID,
      seriesInstanceUid: seriesUid,
    },
    roi: { name: WHOLE_IMAGE_ROI.name, description: { ...WHOLE_IMAGE_ROI.description } },
    set,
  };
}

/** The whole-image record of a series volume, with the same image processing as a drawn ROI
 * gets (resampling, re-segmentation). */
export function volumeFeatures(
  seriesUid: string,
  metas: readonly InstanceMeta[],
  volume: ImageVolume<VoxelValues>,
  params: FeatureParams,
): LocalFeatures {
  const modality = metas[0].modality;
  return wholeImageRecord(
    seriesUid,
    metas,
    roiFeatures(wholeImageRoi(volume), params, { modality }),
  );
}

/** volumeFeatures by the given feature step. */
export async function volumeFeaturesBy(
  seriesUid: string,
  metas: readonly InstanceMeta[],
  volume: ImageVolume<VoxelValues>,
  params: FeatureParams,
  step: RoiFeaturesStep,
): Promise<LocalFeatures> {
  const set = await step(wholeImageRoi(volume), params, metas[0].modality);
  return wholeImageRecord(seriesUid, metas, set);
}

export async function wholeImageFeatures(
  series: SeriesSource,
  params: FeatureParams,
): Promise<LocalFeatures> {
  const builder = new VolumeBuilder(series.metas);
  for (let z = 0; z < series.metas.length; z++) builder.add(z, await series.frame(z));
  return volumeFeatures(series.seriesInstanceUid, series.metas, builder.stacked(), params);
}
