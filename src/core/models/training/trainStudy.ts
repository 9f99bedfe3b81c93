// The workbench's training run over a study (bundles from several centers): pool → optional
// ComBat → validation folds (leave-one-center-out or repeated stratified k-fold) → the final
// pipeline on every case → ONNX and its model card, with the feature settings recorded so the
// model can be run on new images. Progress after every fold; the caller stops it by ending the
// worker it runs in.
import { settingsOfObject } from '../../analysis/paramsFile/readSettings.ts';
import type { Manifest } from '../../bundle/types.ts';
import { sha256Hex } from '../../inference/card.ts';
import type { ModelCard } from '../../inference/modelCard.ts';
import { ProblemError } from '../../result.ts';
import { fitPipeline, type ModelSpec } from '../classifiers/pipeline.ts';
import { recordableSettings } from '../featureModel/recordedSettings.ts';
import type { CombatFit } from '../harmonize/types.ts';
import { exportPipelineOnnx } from '../onnx/exportPipeline.ts';
import { trainingCard, type CenterCount } from '../onnx/trainingCard.ts';
import { harmonizeStudy, type HarmonizeOptions } from '../study/harmonizeStudy.ts';
import { studyTable, type StudyTable } from '../study/studyTable.ts';
import { runFold, summarize, type ValidationReport } from '../validation/crossValidate.ts';
import { leaveOneCenterOut, stratifiedKFolds } from '../validation/folds.ts';
import { studyDataOfTable } from './studyData.ts';

export type ValidationPlan =
  | { readonly kind: 'loco' }
  | { readonly kind: 'cv'; readonly folds: number; readonly repeats: number }
  | null;

export interface StudyTrainingOptions {
  /** ComBat fitted on the study (method, covariate, reference center) or a saved fit applied. */
  readonly harmonize?: HarmonizeOptions;
  readonly spec: ModelSpec;
  readonly validation: ValidationPlan;
  readonly name: string;
  readonly producer: string;
}

export interface StudyTraining {
  readonly labels: readonly [string, string];
  readonly centers: readonly CenterCount[];
  readonly features: number;
  readonly selected: readonly string[];
  readonly validation: ValidationReport | null;
  readonly validationScheme: string | null;
  readonly onnx: Uint8Array;
  readonly card: ModelCard;
  /** The ComBat fit the model's inputs were harmonized with (save it to apply to new data). */
  readonly combat?: CombatFit;
}

function planFolds(plan: ValidationPlan, y: Uint8Array, centers: Int32Array, seed: number) {
  if (!plan) return null;
  if (plan.kind === 'loco')
    return { folds: leaveOneCenterOut(centers), words: 'leave-one-center-out' };
  return {
    folds: stratifiedKFolds(y, plan.folds, plan.repeats, seed),
    words: `stratified ${plan.folds}-fold${plan.repeats > 1 ? ` × ${plan.repeats} repeats` : ''}`,
  };
}

function settingsOf(table: StudyTable) {
  if (!table.settings) return undefined;
  const read = settingsOfObject(table.settings, 'the bundles’ feature settings');
  return read.ok ? recordableSettings(read.value.settings.params) : undefined;
}

export async function trainStudy(
  manifests: readonly Manifest[],
  o: StudyTrainingOptions,
  onProgress?: (done: number, total: number) => void,
): Promise<StudyTraining> {
  const pooled = studyTable(manifests.map((m) => ({ center: m.center.name, manifest: m })));
  let table = pooled;
  let combat: CombatFit | undefined;
  if (o.harmonize) {
    const h = harmonizeStudy(pooled, o.harmonize);
    table = h.table;
    combat = h.fit;
  }
  const data = studyDataOfTable(table);
  const plan = planFolds(o.validation, data.y, data.centers, o.spec.seed ?? 0);
  const total = (plan?.folds.length ?? 0) + 1;
  onProgress?.(0, total);
  const predictions = (plan?.folds ?? []).map((fold, k) => {
    const p = runFold(data, o.spec, fold);
    onProgress?.(k + 1, total);
    return p;
  });
  const validation = plan ? summarize(data, predictions) : null;
  const model = fitPipeline(data.x, data.y, data.centers, o.spec);
  onProgress?.(total, total);
  const onnx = exportPipelineOnnx(model, {
    name: o.name,
    featureNames: table.features.map((f) => f.name),
  });
  const centers = data.centerNames.map((center, c) => {
    let cases = 0;
    let positives = 0;
    data.centers.forEach((v, i) => {
      if (v !== c) return;
      cases++;
      positives += data.y[i];
    });
    return { center, cases, positives };
  });
  const selected = Array.from(model.selected, (j) => table.features[j].name);
  const featureSettings = settingsOf(pooled);
  if (table.features.some((f) => !/^[0-9A-Z]{4}$/.test(f.code)))
    throw new ProblemError('card-feature-codes', 'A model card names each input by its IBSI code.');
  const card = trainingCard({
    name: o.name,
    modelFile: `${o.name}.onnx`,
    sha256: await sha256Hex(onnx),
    features: table.features.map((f) => ({ name: f.name, ibsi: f.code })),
    labels: data.labels,
    spec: o.spec,
    selectedFeatures: selected,
    centers,
    dataset: `${manifests.length} bundles: ${centers.map((c) => c.center).join(', ')}`,
    validationScheme: plan?.words ?? null,
    validation,
    producer: o.producer,
    ...(featureSettings ? { featureSettings } : {}),
    ...(o.harmonize
      ? {
          limitations: [
            `Trained on ComBat-harmonized features (${combat?.method ?? 'ComBat'}${combat?.referenceBatch ? `, reference center ${combat.referenceBatch}` : ''}); a new center's features need the saved ComBat fit applied first.`,
          ],
        }
      : {}),
  });
  return {
    labels: data.labels,
    centers,
    features: table.features.length,
    selected,
    validation,
    validationScheme: plan?.words ?? null,
    onnx,
    card,
    ...(combat ? { combat } : {}),
  };
}
