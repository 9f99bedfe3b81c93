// The model card of a trained pipeline, filled from the training run: the centers and their case
// counts, the settings, and the validation figures with their DeLong intervals. The intended use
// is left for the author: the card says so in its own words, and that the model is not a
// diagnostic device (the schema requires it).
import type { SettingsFile } from '../../analysis/paramsFile/settings.ts';
import type { FeatureSpec, ModelCard } from '../../inference/modelCard.ts';
import type { ModelSpec } from '../classifiers/pipeline.ts';
import type { ValidationReport } from '../validation/crossValidate.ts';
import { ONNX_INPUT } from './exportPipeline.ts';

export interface CenterCount {
  readonly center: string;
  readonly cases: number;
  readonly positives: number;
}

export interface TrainingRun {
  readonly name: string;
  readonly modelFile: string;
  readonly sha256: string;
  readonly features: readonly FeatureSpec[];
  /** Label names for 0 and 1. */
  readonly labels: readonly [string, string];
  readonly spec: ModelSpec;
  readonly selectedFeatures: readonly string[];
  readonly centers: readonly CenterCount[];
  readonly dataset: string;
  /** How validation was run, in words ('leave-one-center-out', 'stratified 5-fold × 3'). */
  readonly validationScheme: string | null;
  readonly validation: ValidationReport | null;
  readonly producer: string;
  /** The settings the features were computed with; without them the model runs on feature
   * vectors only, never on images. */
  readonly featureSettings?: SettingsFile;
  /** More limitations the run knows of (e.g. harmonized inputs). */
  readonly limitations?: readonly string[];
}

const round = (v: number | null) => (v === null ? null : Math.round(v * 1e6) / 1e6);

function figures(m: ValidationReport['overall']) {
  return {
    cases: m.cases,
    positives: m.positives,
    auc: round(m.auc),
    aucCi95: m.aucCi ? m.aucCi.map(round) : null,
    accuracy: round(m.accuracy),
    sensitivity: round(m.sensitivity),
    specificity: round(m.specificity),
    brier: round(m.brier),
  };
}

export function trainingCard(run: TrainingRun): ModelCard {
  const v = run.validation;
  const overall = v?.overall;
  return {
    schemaVersion: '1.0.0',
    name: run.name,
    version: '0.1.0',
    description: `${run.spec.family} on ${run.selectedFeatures.length} of ${run.features.length} features, trained by ${run.producer}.`,
    model: { file: run.modelFile, sha256: run.sha256, format: 'onnx', opset: 15 },
    intendedUse: {
      summary:
        'Research model, not a diagnostic device. Intended use: to be stated by the author of this model.',
      limitations: [
        `Validated only on cases from ${run.centers.map((c) => c.center).join(', ')}.`,
        'Intended use, population and clinical setting are not yet written by the author.',
        ...(run.limitations ?? []),
      ],
    },
    input: {
      kind: 'features',
      tensorName: ONNX_INPUT,
      shape: ['N', run.features.length],
      dtype: 'float32',
      features: run.features.map((f) => ({ ...f })),
    },
    output: {
      tensorName: 'probabilities',
      labels: [...run.labels],
      activation: 'none',
      positiveLabel: run.labels[1],
    },
    training: {
      dataset: run.dataset,
      seed: run.spec.seed ?? 0,
      architecture: run.spec.family,
      settings: { ...run.spec },
      selectedFeatures: [...run.selectedFeatures],
      centers: run.centers.map((c) => ({ ...c })),
      splits: Object.fromEntries(run.centers.map((c) => [c.center, c.cases])),
      ...(run.featureSettings ? { featureSettings: { ...run.featureSettings } } : {}),
    },
    metrics: {
      split: v
        ? (run.validationScheme ?? v.scheme)
        : 'none (training cases only; no validation run)',
      threshold: 0.5,
      accuracy: overall ? (round(overall.accuracy) ?? 0) : 0,
      auc: overall?.auc ?? 0,
      ...(v
        ? {
            val: {
              overall: figures(v.overall),
              repeatAuc: v.repeatAuc.map(round),
              perCenter: v.perCenter.map((c) => ({ center: c.center, ...figures(c.metrics) })),
            },
          }
        : {}),
    },
  };
}
