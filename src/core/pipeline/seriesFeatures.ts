// Whole-image IBSI features of one series: what every export can carry even when no ROI was
// drawn. The workbench (in an analysis worker) and `consilium analyze` both come here.
import type { FeatureParams } from '../analysis/params.ts';
import { analysisError, type ImageVolume } from '../analysis/volume.ts';
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

/** The whole-image record of a series volume. */
export function volumeFeatures(
  seriesUid: string,
  metas: readonly InstanceMeta[],
  volume: ImageVolume,
  params: FeatureParams,
): LocalFeatures {
  const mask = new Uint8Array(volume.values.length).fill(1);
  const meta = metas[0];
  // The same image processing as a drawn ROI gets (resampling, re-segmentation); the record
  // keeps the feature set alone.
  const {
    params: used,
    roiVoxels,
    features,
  } = roiFeatures({ ...volume, mask }, params, {
    modality: meta.modality,
  });
  const set = { params: used, roiVoxels, features };
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

export async function wholeImageFeatures(
  series: SeriesSource,
  params: FeatureParams,
): Promise<LocalFeatures> {
  const builder = new VolumeBuilder(series.metas);
  for (let z = 0; z < series.metas.length; z++) builder.add(z, await series.frame(z));
  return volumeFeatures(series.seriesInstanceUid, series.metas, builder.volume(), params);
}
