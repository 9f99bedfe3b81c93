// `consilium infer` with a feature-vector model (the ones `consilium train` writes): each ROI of
// each series (--roi, --mask structures, or the whole image) gets the features the model needs,
// computed with the settings its card records, then one prediction line. The features step is
// `consilium features`' own, so the same series and ROI give the same vector as there and in the
// workbench.
import type { Classifier } from '../core/inference/classifier.ts';
import type { FeatureModelCard } from '../core/inference/modelCard.ts';
import { featureVector } from '../core/models/featureModel/featureVector.ts';
import { recordedSettings } from '../core/models/featureModel/recordedSettings.ts';
import { ok, problemOf, type Result } from '../core/result.ts';
import { planFeatures } from './cohort/featuresPlan.ts';
import type { FeaturesArgs } from './featuresArgs.ts';
import { featuresOfSeries, type FeaturesRecord } from './featuresTask.ts';
import { problemLine, writeRecord } from './io/records.ts';

export interface FeatureInferArgs {
  readonly paths: readonly string[];
  readonly maskPaths: readonly string[];
  readonly structures: readonly string[];
  readonly roi: [number, number, number, number] | null;
  readonly json: boolean;
}

export interface RoiPrediction {
  readonly file: string;
  readonly series: string;
  readonly roi: unknown;
  readonly roiVoxels: number;
  readonly probabilities: Record<string, number>;
  readonly predictedLabel: string;
  readonly model: { name: string; version: string; sha256: string };
  /** The model's input, by IBSI code, as computed. */
  readonly features: Record<string, number>;
}

type Line = Result<RoiPrediction>;

function print(args: FeatureInferArgs, line: Line): void {
  if (args.json) return writeRecord(line);
  if (!line.ok) {
    process.stdout.write(problemLine(line.error) + '\n');
    return;
  }
  const v = line.value;
  const structure = (v.roi as { structure?: string } | undefined)?.structure;
  const probs = Object.entries(v.probabilities)
    .map(([label, p]) => `${label} ${p.toFixed(6)}`)
    .join(', ');
  process.stdout.write(
    `${v.file}${structure ? ` [${structure}]` : ''}\t${v.predictedLabel}\t${probs}\n`,
  );
}

async function predictionOf(
  record: FeaturesRecord,
  classifier: Classifier,
  card: FeatureModelCard,
): Promise<Line> {
  if (!record.ok) return record;
  const { file } = record.value;
  try {
    const input = featureVector(record.value.features, card, file);
    const { predictions } = await classifier.predict([input]);
    const [p] = predictions;
    const features: Record<string, number> = {};
    card.input.features.forEach((f, i) => (features[f.ibsi] = input[i]));
    return ok({
      file,
      series: String(record.value.series),
      roi: record.value.roi,
      roiVoxels: record.value.roiVoxels,
      probabilities: p.probabilities,
      predictedLabel: p.predictedLabel,
      model: { name: card.name, version: card.version, sha256: classifier.sha256 },
      features,
    });
  } catch (e) {
    return { ok: false, error: problemOf(e, 'inference-failed', { file }) };
  }
}

/** Every ROI classified, series by series in input order; 1 when any line is an error. */
export async function inferFeatureModel(
  args: FeatureInferArgs,
  classifier: Classifier,
  modelFile: string,
): Promise<number> {
  const card = classifier.card as FeatureModelCard;
  let settings;
  try {
    settings = recordedSettings(card, modelFile);
  } catch (e) {
    print(args, { ok: false, error: problemOf(e, 'model-settings-invalid', { file: modelFile }) });
    return 1;
  }
  const featuresArgs: FeaturesArgs = {
    paths: [...args.paths],
    maskPaths: [...args.maskPaths],
    structures: [...args.structures],
    roi: args.roi,
    params: settings.params,
    ...(settings.families ? { families: settings.families } : {}),
    json: args.json,
    jobs: 1,
    perSlice: false,
    settings,
  };
  const plan = await planFeatures(featuresArgs);
  let failures = 0;
  const emit = (line: Line) => {
    if (!line.ok) failures++;
    print(args, line);
  };
  for (const record of plan.leading) if (!record.ok) emit(record);
  for (const ref of plan.series)
    for (const record of await featuresOfSeries(plan.settings, ref, plan.imageUids))
      emit(await predictionOf(record, classifier, card));
  return failures > 0 ? 1 : 0;
}
