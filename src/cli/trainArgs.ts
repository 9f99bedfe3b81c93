// `consilium train` options: the study, the model family and its settings, the validation plan,
// feature selection, and where the model and its card go.
import { MODEL_FAMILIES, type ModelFamily } from '../core/models/classifiers/pipeline.ts';
import type { SelectionSpec } from '../core/models/classifiers/selection.ts';
import { numberOf, parseCommand, UsageError, wholeNumber } from './io/commandArgs.ts';

export const trainUsage =
  'Usage: consilium train <study.csv> --model logreg-l2|logreg-l1|svm-linear|svm-rbf|forest [--cv K [--repeats R] | --loco] [--select corr=0.9,center=0.5,l1=0.1] [--C C] [--gamma G] [--trees N] [--seed S] [--positive LABEL] [--jobs N] --out model.onnx [--card card.json] [--settings S.json] [--name NAME] [--json]\n' +
  '  Trains a two-class model on a study table (from `consilium study --out study.csv`, or any CSV\n' +
  '  with case, center and label columns and one column per feature), standardized inside the\n' +
  '  pipeline, and writes it as ONNX (ai.onnx.ml operators) with a model card.\n' +
  '  --cv K --repeats R: repeated stratified K-fold; --loco: leave-one-center-out (each center\n' +
  '  held out once); folds run on --jobs worker threads, progress on stderr.\n' +
  '  --select: corr=R drops a feature correlated above |R| with a kept one; center=E drops\n' +
  "  features whose variance is E or more between centers (η²); l1=C keeps an L1 model's nonzero.\n" +
  '  --C: inverse regularisation (sklearn C, default 1); --gamma: RBF width (default sklearn\n' +
  "  'scale'); --trees: forest size (default 100); --positive: the label that is class 1.\n" +
  '  --settings: the feature settings the card records (default: study.settings.json beside the\n' +
  '  study, as `consilium study` writes it), so `consilium infer` and the workbench compute the\n' +
  "  model's features for a new series the same way.\n";

/** study.csv → study.settings.json: where `consilium study` writes the features' settings. */
export function settingsPathFor(studyCsv: string): string {
  return studyCsv.replace(/\.csv$/i, '') + '.settings.json';
}

export interface TrainArgs {
  readonly study: string;
  readonly family: ModelFamily;
  readonly validation:
    | { readonly kind: 'cv'; readonly folds: number; readonly repeats: number }
    | { readonly kind: 'loco' }
    | null;
  readonly selection: SelectionSpec;
  readonly C?: number;
  readonly gamma?: number;
  readonly trees?: number;
  readonly seed: number;
  readonly positive?: string;
  readonly jobs: number;
  readonly out: string;
  readonly card?: string;
  readonly settings?: string;
  readonly name?: string;
  readonly json: boolean;
}

const options = {
  model: { type: 'string' },
  cv: { type: 'string' },
  repeats: { type: 'string' },
  loco: { type: 'boolean' },
  select: { type: 'string' },
  C: { type: 'string' },
  gamma: { type: 'string' },
  trees: { type: 'string' },
  seed: { type: 'string' },
  positive: { type: 'string' },
  jobs: { type: 'string' },
  out: { type: 'string' },
  card: { type: 'string' },
  settings: { type: 'string' },
  name: { type: 'string' },
  json: { type: 'boolean' },
} as const;

function positive(flag: string, text: string | undefined): number {
  const v = numberOf(flag, text);
  if (!(v > 0)) throw new UsageError(`--${flag} must be above 0, got "${text}".`);
  return v;
}

export function parseSelection(text: string | undefined): SelectionSpec {
  if (!text) return {};
  const spec: { maxCorrelation?: number; maxCenterEffect?: number; l1C?: number } = {};
  for (const part of text.split(',')) {
    const [key, value] = part.split('=').map((s) => s.trim());
    const v = Number(value);
    if (!Number.isFinite(v) || v <= 0)
      throw new UsageError(`--select ${key} needs a number above 0, got "${value ?? ''}".`);
    if (key === 'corr' && v <= 1) spec.maxCorrelation = v;
    else if (key === 'center' && v <= 1) spec.maxCenterEffect = v;
    else if (key === 'l1') spec.l1C = v;
    else
      throw new UsageError(`--select takes corr=R (0-1], center=E (0-1] and l1=C; got "${part}".`);
  }
  return spec;
}

export function parseTrainArgs(argv: readonly string[]): TrainArgs {
  const { values: v, positionals } = parseCommand(argv, options);
  if (positionals.length !== 1) throw new UsageError('Give one study CSV to train on.');
  if (!v.model || !(MODEL_FAMILIES as readonly string[]).includes(v.model))
    throw new UsageError(`--model is one of ${MODEL_FAMILIES.join(', ')}.`);
  if (!v.out) throw new UsageError('--out model.onnx is required.');
  if (v.loco && v.cv !== undefined) throw new UsageError('Give --cv or --loco, not both.');
  if (v.repeats !== undefined && v.cv === undefined)
    throw new UsageError('--repeats goes with --cv.');
  return {
    study: positionals[0],
    family: v.model as ModelFamily,
    validation: v.loco
      ? { kind: 'loco' }
      : v.cv !== undefined
        ? {
            kind: 'cv',
            folds: wholeNumber('cv', v.cv, 2),
            repeats: v.repeats ? wholeNumber('repeats', v.repeats, 1) : 1,
          }
        : null,
    selection: parseSelection(v.select),
    ...(v.C !== undefined ? { C: positive('C', v.C) } : {}),
    ...(v.gamma !== undefined ? { gamma: positive('gamma', v.gamma) } : {}),
    ...(v.trees !== undefined ? { trees: wholeNumber('trees', v.trees, 1) } : {}),
    seed: v.seed !== undefined ? wholeNumber('seed', v.seed, 0) : 0,
    ...(v.positive !== undefined ? { positive: v.positive } : {}),
    jobs: v.jobs !== undefined ? wholeNumber('jobs', v.jobs, 1) : 2,
    out: v.out,
    ...(v.card !== undefined ? { card: v.card } : {}),
    ...(v.settings !== undefined ? { settings: v.settings } : {}),
    ...(v.name !== undefined ? { name: v.name } : {}),
    json: Boolean(v.json),
  };
}
