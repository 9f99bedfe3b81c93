// `consilium infer`: classifies DICOM images with an ONNX model and its card; one line per image.
// A file that cannot be read, decoded or preprocessed gets an error line; the rest still run.
// Inputs are indexed first, then classified one series at a time per job (cohort/inferSeries).
import { join } from 'node:path';
import { toInferenceError } from '../core/inference/errors.ts';
import { problemOf } from '../core/result.ts';
import { inferClassifier, type InferLine, type InferSettings } from './cohort/inferSeries.ts';
import { crashRecord, seriesComputer } from './cohort/seriesComputer.ts';
import {
  numberList,
  parseCommand,
  parseOrUsage,
  UsageError,
  wholeNumber,
} from './io/commandArgs.ts';
import { inferFeatureModel } from './inferFeatures.ts';
import { MergedOutput } from './io/mergedOutput.ts';
import { problemAbout, problemLine, writeRecord } from './io/records.ts';
import { ResultsDir } from './io/resultsDir.ts';
import { runArgsUsage } from './io/runArgs.ts';
import { indexSeries } from './io/seriesIndex.ts';
import { runSeries } from './io/seriesRun.ts';

const usage = `Usage: consilium infer <files|dirs|zips…> [--model m.onnx [--card m.card.json]] [--batch N]
  [--roi x,y,w,h | --mask FILE… [--structure NAME…]] [--jobs N] [--out DIR [--resume]] [--json]

  Images are classified series by series (each series' images in the order they were found).
  A feature-vector model (consilium train) classifies each ROI instead: --roi, every structure
  of the --mask files (RTSTRUCT, SEG, NIfTI; repeat --mask), or the whole image; its features
  are computed with the settings its card records.
  --jobs N              series classified at once, each in a worker thread with a one-thread model
                        (default 1: one series at a time, the model using every core)
  ${runArgsUsage}
`;

type Line = InferLine;

interface InferArgs {
  paths: string[];
  model?: string;
  card?: string;
  batch: number;
  json: boolean;
  jobs: number;
  out?: string;
  resume: boolean;
  maskPaths: string[];
  structures: string[];
  roi: [number, number, number, number] | null;
}

const options = {
  model: { type: 'string' },
  card: { type: 'string' },
  batch: { type: 'string' },
  json: { type: 'boolean' },
  jobs: { type: 'string' },
  out: { type: 'string' },
  resume: { type: 'boolean' },
  mask: { type: 'string', multiple: true },
  structure: { type: 'string', multiple: true },
  roi: { type: 'string' },
} as const;

export function parseInferArgs(argv: readonly string[]): InferArgs {
  const { values, positionals } = parseCommand(argv, options);
  if (positionals.length === 0) throw new UsageError('Give at least one DICOM file or folder.');
  if (values.resume && !values.out)
    throw new UsageError('--resume reads the results of --out DIR; give --out.');
  return {
    paths: positionals,
    model: values.model,
    card: values.card,
    batch: values.batch === undefined ? 32 : wholeNumber('batch', values.batch, 1, 'images'),
    json: values.json ?? false,
    jobs: values.jobs === undefined ? 1 : wholeNumber('jobs', values.jobs, 1, 'workers'),
    ...(values.out ? { out: values.out } : {}),
    resume: values.resume ?? false,
    maskPaths: values.mask ?? [],
    structures: values.structure ?? [],
    roi: values.roi === undefined ? null : (numberList('roi', values.roi, 4) as InferArgs['roi']),
  };
}

function text(line: Line): string {
  if (!line.ok) return problemLine(line.error);
  const { value } = line;
  const probs = Object.entries(value.probabilities)
    .map(([label, p]) => `${label} ${p.toFixed(4)}`)
    .join(', ');
  return `${value.file}\t${value.predictedLabel}\t${probs}`;
}

export async function inferCommand(argv: string[]): Promise<number> {
  const args = parseOrUsage(argv, usage, parseInferArgs);
  if ('exit' in args) return args.exit;
  let results: ResultsDir | undefined;
  const merged = { current: undefined as MergedOutput | undefined };
  const print = async (line: Line) => {
    if (args.json) writeRecord(line);
    else process.stdout.write(text(line) + '\n');
    await merged.current?.line(JSON.stringify(line));
  };
  const settings: InferSettings = {
    ...(args.model ? { model: args.model } : {}),
    ...(args.card ? { card: args.card } : {}),
    batch: args.batch,
  };
  let classifier;
  try {
    // A model that cannot load stops the run before any image is read.
    classifier = await inferClassifier(settings);
  } catch (err) {
    const e = toInferenceError(err, args.model ?? 'default model', 'model-unreadable');
    await print({ ok: false, error: problemAbout(e, e.code, e.file) });
    return 1;
  }
  if (classifier.card.input.kind === 'features') {
    if (args.out) {
      await classifier.release();
      process.stderr.write('consilium infer: --out is for image models; use --json > file.\n');
      return 2;
    }
    try {
      return await inferFeatureModel(args, classifier, args.model ?? classifier.card.model.file);
    } finally {
      await classifier.release();
    }
  }
  if (args.maskPaths.length > 0 || args.roi) {
    process.stderr.write('consilium infer: --roi and --mask are for feature-vector models.\n');
    return 2;
  }
  try {
    if (args.out) results = await ResultsDir.open(args.out, 'infer', settings);
  } catch (e) {
    const p = problemOf(e, 'results-failed');
    process.stderr.write(`${p.code}: ${p.reason}\n`);
    return 2;
  }
  if (results) merged.current = new MergedOutput(join(results.dir, 'infer.jsonl'));
  const index = await indexSeries(args.paths, { notDicom: 'not-dicom' });
  for (const p of index.problems)
    await print({ ok: false, error: problemAbout(p, p.code, String(p.params.file ?? '')) });
  const jobs = Math.min(args.jobs, Math.max(1, index.series.length));
  const { compute, close } = seriesComputer(jobs, crashRecord);
  try {
    await runSeries<Line>({
      label: 'infer',
      series: index.series,
      jobs,
      ...(results ? { results, resume: args.resume } : {}),
      compute: async (ref) =>
        (await compute({ command: 'infer', settings, series: ref })) as Line[],
      failed: (lines) => lines.some((l) => !l.ok),
      emit: async (_ref, lines) => {
        for (const l of lines) await print(l);
      },
    });
    await merged.current?.commit();
  } finally {
    await merged.current?.discard();
    await close();
    await (await inferClassifier(settings)).release();
  }
  return 0;
}
