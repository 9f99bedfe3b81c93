// Whole-image IBSI features of one series: what every export can carry even when no ROI was
// drawn. The workbench (in an analysis worker) and `consilium analyze` both come here.
import type { FeatureParams } from '../analysis/params.ts';
import type { FeatureSet } from '../analysis/computeFeatures.ts';
import { analysisError, type ImageVolume, type RoiVolume } from '../analysis/volume.ts';
import { greyPixels } from '../analysis/luminance.ts';
import { sliceSpacingMm } from '../analysis/volumeFromFrames.ts';
import type { InstanceMeta } from '../dicom/types.ts';
import { ProblemError } from '../result.ts';
import { roiFeatures } from './roiFeatures.ts';
import type { FramePixels, LocalFeatures, SeriesSource } from './types.ts';

export const WHOLE_IMAGE_ROI = { name: 'whole-image', description: { kind: 'whole' } } as const;

/** A series volume filled one frame at a time (peak memory: the volume and one frame). */
export class VolumeBuilder {
  private values: Float32Array | undefined;
  private nx = 0;
  private ny = 0;

  constructor(private readonly metas: readonly InstanceMeta[]) {}

  add(z: number, frame: FramePixels): void {
    const f = greyPixels(frame); // colour: BT.601 luminance (core/analysis/luminance.ts)
    if (!this.values) {
      [this.nx, this.ny] = [f.columns, f.rows];
      this.values = new Float32Array(this.nx * this.ny * this.metas.length);
    }
    const { nx, ny } = this;
    if (f.columns !== nx || f.rows !== ny)
      throw analysisError(
        'shape-mismatch',
        `Slice ${z + 1} is ${f.columns}x${f.rows}; features need slices of one size (${nx}x${ny}).`,
        this.metas[z]?.file ?? '',
      );
    this.values.set(f.values, z * nx * ny);
  }

  volume(): ImageVolume {
    if (!this.values) throw new ProblemError('no-images', 'The series has no images.');
    const [rowMm, colMm] = this.metas[0].pixelSpacingMm ?? [1, 1];
    return {
      values: this.values,
      dims: [this.nx, this.ny, this.metas.length],
      spacingMm: [colMm, rowMm, sliceSpacingMm(this.metas)],
    };
  }
}

/** The feature step of a whole-image record: roiFeatures here; the CLI may spread one large
 * ROI's families over threads (cli/familyThreads.ts), for the same values. */
export type RoiFeaturesStep = (
  roi: RoiVolume,
  params: FeatureParams,
  modality: string,
) => FeatureSet | Promise<FeatureSet>;

const wholeImageRoi = (volume: ImageVolume): RoiVolume => ({
  ...volume,
  mask: new Uint8Array(volume.values.length).fill(1),
});

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
  volume: ImageVolume,
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
  volume: ImageVolume,
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
  return volumeFeatures(series.seriesInstanceUid, series.metas, builder.volume(), params);
}
