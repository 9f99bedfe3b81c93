// consilium train: a study table → validation (folds on worker threads) → the final pipeline on
// all cases → model.onnx and its card. Prints a summary (or one --json record).
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { readSettings } from '../core/analysis/paramsFile/readSettings.ts';
import type { SettingsFile } from '../core/analysis/paramsFile/settings.ts';
import { sha256Hex } from '../core/inference/card.ts';
import { recordableSettings } from '../core/models/featureModel/recordedSettings.ts';
import { fitPipeline, type ModelSpec } from '../core/models/classifiers/pipeline.ts';
import type { BinaryMetrics } from '../core/models/metrics/binary.ts';
import { exportPipelineOnnx } from '../core/models/onnx/exportPipeline.ts';
import { trainingCard } from '../core/models/onnx/trainingCard.ts';
import {
  summarize,
  type FoldPrediction,
  type StudyData,
  type ValidationReport,
} from '../core/models/validation/crossValidate.ts';
import { leaveOneCenterOut, stratifiedKFolds, type Fold } from '../core/models/validation/folds.ts';
import { parseStudyCsv, type TrainingStudy } from '../core/models/validation/studyCsv.ts';
import { ok, problemOf, ProblemError } from '../core/result.ts';
import { SOFTWARE } from '../core/version.ts';
import { parseOrUsage } from './io/commandArgs.ts';
import { writeRecord } from './io/records.ts';
import { parseTrainArgs, settingsPathFor, trainUsage, type TrainArgs } from './trainArgs.ts';
import type { trainFold } from './trainWorker.ts';
import { ThreadPool } from './workerPool.ts';

/** The study with its matrix in shared memory, so worker threads read it without a copy. */
function shared(s: StudyData): StudyData {
  const data = new Float64Array(new SharedArrayBuffer(s.x.data.byteLength));
  data.set(s.x.data);
  return { x: { ...s.x, data }, y: s.y, centers: s.centers, centerNames: s.centerNames };
}

async function validate(study: TrainingStudy, spec: ModelSpec, folds: Fold[], jobs: number) {
  const pool = new ThreadPool<typeof trainFold>(new URL('./trainWorker.ts', import.meta.url), jobs);
  const data = shared(study);
  const started = performance.now();
  let done = 0;
  try {
    const predictions = await Promise.all(
      folds.map(async (fold) => {
        const r = await pool.run({ data, spec, fold });
        if (!r.ok) throw new ProblemError(r.error.code, r.error.reason, r.error.params);
        done++;
        const where =
          fold.heldOutCenter !== undefined
            ? `center ${study.centerNames[fold.heldOutCenter]} held out`
            : `repeat ${fold.repeat + 1}, fold ${fold.fold + 1}`;
        const s = ((performance.now() - started) / 1000).toFixed(1);
        process.stderr.write(`consilium train: ${done}/${folds.length} folds (${where}), ${s} s\n`);
        return r.value as FoldPrediction;
      }),
    );
    return summarize(study, predictions);
  } finally {
    await pool.close();
  }
}

function plan(args: TrainArgs, study: TrainingStudy): { folds: Fold[]; words: string } | null {
  const v = args.validation;
  if (!v) return null;
  if (v.kind === 'loco')
    return { folds: leaveOneCenterOut(study.centers), words: 'leave-one-center-out' };
  return {
    folds: stratifiedKFolds(study.y, v.folds, v.repeats, args.seed),
    words: `stratified ${v.folds}-fold${v.repeats > 1 ? ` × ${v.repeats} repeats` : ''}`,
  };
}

/** The settings the study's features were computed with: --settings, or the file `consilium
 * study` wrote beside the table; none when neither is there (the card then says nothing). */
async function readFeatureSettings(args: TrainArgs): Promise<SettingsFile | undefined> {
  const path = args.settings ?? settingsPathFor(args.study);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (args.settings === undefined && (e as NodeJS.ErrnoException).code === 'ENOENT')
      return undefined;
    throw new ProblemError('settings-unreadable', `${path} cannot be read (${String(e)}).`, {
      file: path,
    });
  }
  const read = readSettings(text, path);
  if (!read.ok) throw new ProblemError(read.error.code, read.error.reason, read.error.params);
  return recordableSettings(read.value.settings.params);
}

async function run(args: TrainArgs) {
  const study = parseStudyCsv(await readFile(args.study, 'utf8'), args.positive);
  const spec: ModelSpec = {
    family: args.family,
    seed: args.seed,
    selection: args.selection,
    ...(args.C !== undefined ? { C: args.C } : {}),
    ...(args.gamma !== undefined ? { gamma: args.gamma } : {}),
    ...(args.trees !== undefined ? { trees: args.trees } : {}),
  };
  const folds = plan(args, study);
  const validation = folds ? await validate(study, spec, folds.folds, args.jobs) : null;
  const model = fitPipeline(study.x, study.y, study.centers, spec);
  const bytes = exportPipelineOnnx(model, {
    name: args.name ?? args.family,
    featureNames: study.features.map((f) => f.name),
    producerVersion: SOFTWARE.version,
  });
  await writeFile(args.out, bytes);
  const selected = Array.from(model.selected, (j) => study.features[j].name);
  const dropped = (model.dropped ?? []).map((d) => ({
    feature: study.features[d.feature].name,
    reason: d.reason.replace(
      /feature (\d+)/,
      (_, j: string) => `"${study.features[Number(j)].name}"`,
    ),
  }));
  const centers = study.centerNames.map((center, c) => {
    let cases = 0;
    let positives = 0;
    study.centers.forEach((v, i) => {
      if (v !== c) return;
      cases++;
      positives += study.y[i];
    });
    return { center, cases, positives };
  });
  if (args.card) {
    const missing = study.features.filter((f) => !f.ibsi).map((f) => f.name);
    if (missing.length)
      throw new ProblemError(
        'card-feature-codes',
        `A model card names each input by its IBSI code; these columns have none ("name [CODE]"): ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}. The model was written; the card was not.`,
        { missing: missing.length },
      );
    const featureSettings = await readFeatureSettings(args);
    const card = trainingCard({
      name: (args.name ?? `${args.family}-${basename(args.study).replace(/\.[^.]*$/, '')}`)
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/^[^a-z0-9]+/, ''),
      modelFile: basename(args.out),
      sha256: await sha256Hex(bytes),
      features: study.features.map((f) => ({ name: f.name, ibsi: f.ibsi! })),
      labels: study.labels,
      spec,
      selectedFeatures: selected,
      centers,
      dataset: basename(args.study),
      validationScheme: folds?.words ?? null,
      validation,
      producer: `consilium ${SOFTWARE.version}`,
      ...(featureSettings ? { featureSettings } : {}),
    });
    await writeFile(args.card, JSON.stringify(card, null, 1) + '\n');
  }
  return {
    model: args.out,
    ...(args.card ? { card: args.card } : {}),
    family: args.family,
    labels: study.labels,
    centers,
    features: study.features.length,
    selected,
    dropped,
    validation: validation ? { ...validation, scheme: folds!.words } : null,
  };
}

const f3 = (v: number | null) => (v === null ? '—' : v.toFixed(3));
const ci = (m: BinaryMetrics) => (m.aucCi ? ` (95% CI ${f3(m.aucCi[0])}–${f3(m.aucCi[1])})` : '');
const line = (what: string, m: BinaryMetrics) =>
  `${what}: AUC ${f3(m.auc)}${ci(m)}, accuracy ${f3(m.accuracy)}, sensitivity ${f3(m.sensitivity)}, specificity ${f3(m.specificity)}, Brier ${f3(m.brier)} (${m.cases} cases)`;

function text(s: Awaited<ReturnType<typeof run>>): string {
  const lines = [
    `Centers: ${s.centers.map((c) => `${c.center} (${c.cases} cases, ${c.positives} ${s.labels[1]})`).join(', ')}`,
    `Features: ${s.selected.length} of ${s.features} used`,
    ...s.dropped.map((d) => `  left out "${d.feature}": ${d.reason}`),
  ];
  const v: (Omit<ValidationReport, 'scheme'> & { scheme: string }) | null = s.validation;
  if (v) {
    lines.push(line(`Validation, ${v.scheme}`, v.overall));
    for (const c of v.perCenter) lines.push(line(`  ${c.center}`, c.metrics));
  } else lines.push('No validation asked (--cv K or --loco).');
  lines.push(`Wrote ${s.model}${s.card ? ` and ${s.card}` : ''}`);
  return lines.join('\n') + '\n';
}

export async function trainCommand(argv: string[]): Promise<number> {
  const args = parseOrUsage(argv, trainUsage, parseTrainArgs);
  if ('exit' in args) return args.exit;
  try {
    const summary = await run(args);
    if (args.json) writeRecord(ok(summary));
    else process.stdout.write(text(summary));
    return 0;
  } catch (e) {
    const problem = problemOf(e, 'TRAIN_FAILED', { file: args.study });
    if (args.json) writeRecord({ ok: false, error: problem });
    else process.stderr.write(`consilium train: ${problem.code}: ${problem.reason}\n`);
    return 1;
  }
}
