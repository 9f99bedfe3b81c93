// The recipe for one series: its whole-image features and each model's series prediction, from
// one pass over its frames (each decoded once; the volume and the small model inputs are kept,
// not the frames). A failed step is a Problem beside the other steps' results.
import type { FeatureParams } from '../analysis/params.ts';
import type { DecodedFrame } from '../dicom/types.ts';
import type { Classifier } from '../inference/classifier.ts';
import { problemOf, type Problem } from '../result.ts';
import type { FilterSpec } from '../filters/types.ts';
import { filteredVolumeFeatures } from './filteredSeriesFeatures.ts';
import { VolumeBuilder, volumeFeaturesBy, type RoiFeaturesStep } from './seriesFeatures.ts';
import { roiFeatures } from './roiFeatures.ts';
import { modelInput, predictInputs } from './seriesPrediction.ts';
import type { LocalFeatures, LocalPrediction, SeriesResults, SeriesSource } from './types.ts';

export interface SeriesSettings {
  /** Whole-image feature settings; null computes none. */
  readonly features: FeatureParams | null;
  /** IBSI 2 filters: one more whole-image record per filter, on the filtered image. */
  readonly filters?: readonly FilterSpec[];
}

const inThisThread: RoiFeaturesStep = (roi, params, modality) =>
  roiFeatures(roi, params, { modality });

/** `step` computes the whole-image features (the CLI may give one spreading the families over
 * threads, for the same values). */
export async function seriesResults(
  series: SeriesSource<DecodedFrame>,
  settings: SeriesSettings,
  models: readonly Classifier[],
  step: RoiFeaturesStep = inThisThread,
): Promise<SeriesResults> {
  const { metas, seriesInstanceUid: uid } = series;
  const file = metas[0]?.file ?? '';
  const problems: Problem[] = [];
  // Another step may hand the volume to threads: shared, they read it without a copy.
  const shared = step !== inThisThread;
  let volume: VolumeBuilder | null = settings.features ? new VolumeBuilder(metas, shared) : null;
  const inputs: (Float32Array[] | null)[] = models.map(() => []);
  for (let i = 0; i < metas.length && (volume || inputs.some(Boolean)); i++) {
    let frame: DecodedFrame;
    try {
      frame = await series.frame(i);
    } catch (e) {
      problems.push(problemOf(e, 'decode-failed', { file: metas[i].file }));
      return { seriesUid: uid, features: [], predictions: [], problems };
    }
    try {
      volume?.add(i, frame);
    } catch (e) {
      problems.push(problemOf(e, 'analysis-failed', { file, step: 'features' }));
      volume = null;
    }
    models.forEach((model, k) => {
      try {
        inputs[k]?.push(modelInput(model, frame, metas[i]));
      } catch (e) {
        problems.push(problemOf(e, 'inference-failed', { file, step: 'prediction' }));
        inputs[k] = null;
      }
    });
  }
  const features: LocalFeatures[] = [];
  if (volume && settings.features) {
    try {
      features.push(await volumeFeaturesBy(uid, metas, volume.stacked(), settings.features, step));
    } catch (e) {
      problems.push(problemOf(e, 'analysis-failed', { file, step: 'features' }));
    }
    for (const spec of settings.filters ?? []) {
      try {
        features.push(filteredVolumeFeatures(uid, metas, volume.volume(), settings.features, spec));
      } catch (e) {
        problems.push(
          problemOf(e, 'analysis-failed', { file, step: 'features', filter: spec.filter }),
        );
      }
    }
  }
  const predictions: LocalPrediction[] = [];
  for (let k = 0; k < models.length; k++) {
    const modelInputs = inputs[k];
    if (!modelInputs) continue;
    try {
      predictions.push(await predictInputs(models[k], uid, metas, modelInputs));
    } catch (e) {
      problems.push(problemOf(e, 'inference-failed', { file, step: 'prediction' }));
    }
  }
  return { seriesUid: uid, features, predictions, problems };
}
