// A classifier's prediction on one series: each image through the model card's preprocessing,
// then one series prediction by the stated rule (seriesAggregate.ts). The workbench classifies
// image by image as the user asks and builds the same record with `seriesPrediction`.
import type { ModelRef } from '../bundle/types.ts';
import type { DecodedFrame, InstanceMeta } from '../dicom/types.ts';
import type { Classifier, Prediction } from '../inference/classifier.ts';
import { InferenceFailure } from '../inference/errors.ts';
import { isImageCard } from '../inference/modelCard.ts';
import { preprocessFrame } from '../inference/preprocess.ts';
import { aggregateSeries } from '../inference/seriesAggregate.ts';
import type { LocalPrediction } from './types.ts';

/** One classified image: the prediction and the instance it came from. */
export interface ImagePrediction {
  readonly meta: InstanceMeta;
  readonly prediction: Prediction;
}

/** The series record from its images' predictions (in display order); none without images. */
export function seriesPrediction(
  seriesUid: string,
  model: ModelRef,
  images: readonly ImagePrediction[],
): LocalPrediction | undefined {
  const aggregate = aggregateSeries(images.map((i) => i.prediction));
  if (!aggregate || images.length === 0) return undefined;
  const first = images[0].meta;
  const seen = new Set<string>();
  return {
    seriesUid,
    source: {
      patientId: first.patientID,
      studyInstanceUid: first.studyInstanceUID,
      seriesInstanceUid: seriesUid,
    },
    model: { name: model.name, version: model.version, sha256: model.sha256 },
    probabilities: aggregate.probabilities,
    predicted: aggregate.predictedLabel,
    rule: aggregate.rule,
    // A multi-frame instance is one image of the report.
    images: images
      .filter((i) => !seen.has(i.meta.sopInstanceUID) && seen.add(i.meta.sopInstanceUID))
      .map((i) => ({ sopClassUid: i.meta.sopClassUID, sopInstanceUid: i.meta.sopInstanceUID })),
    studyDate: first.studyDate,
  };
}

/** The model-ready input of one frame, as the card says; throws InferenceFailure when it cannot. */
export function modelInput(
  classifier: Classifier,
  frame: DecodedFrame,
  meta: InstanceMeta,
): Float32Array {
  const { card } = classifier;
  if (!isImageCard(card))
    throw new InferenceFailure(
      'image-unsupported',
      meta.file,
      'the model takes features, not images',
    );
  return preprocessFrame(frame, card.preprocessing, card.input, {
    file: meta.file,
    modality: meta.modality,
    photometricInterpretation: meta.photometricInterpretation,
    windows: meta.windows,
  });
}

/** The series prediction from its images' model inputs (display order). */
export async function predictInputs(
  classifier: Classifier,
  seriesUid: string,
  metas: readonly InstanceMeta[],
  inputs: readonly Float32Array[],
): Promise<LocalPrediction> {
  const { card } = classifier;
  const { predictions } = await classifier.predict(inputs);
  const model = { name: card.name, version: card.version, sha256: classifier.sha256 };
  const images = predictions.map((prediction, i) => ({ meta: metas[i], prediction }));
  const result = seriesPrediction(seriesUid, model, images);
  if (!result)
    throw new InferenceFailure(
      'image-unsupported',
      metas[0]?.file ?? '',
      'the series has no images',
    );
  return result;
}
