// `consilium analyze`: DICOM series in, a de-identified, verifiable result bundle out, by the same
// core recipe as the workbench's Bundles tab (core/pipeline): whole-image IBSI features and each
// model's series prediction per series, one DICOM SR per study; identifiers leave only as HMAC
// pseudonyms under the collaboration key. This file is argument parsing and I/O only.
import { availableParallelism } from 'node:os';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { FeatureParams } from '../core/analysis/params.ts';
import { labelsFromCsv, labelsSummary } from '../core/pipeline/labelsCsv.ts';
import { bundleFromResults } from '../core/pipeline/bundleFromResults.ts';
import type { SeriesResults } from '../core/pipeline/types.ts';
import { problemOf, type Problem } from '../core/result.ts';
import { analyzeSeriesIndex, labelledSeries } from './analyzeInputs.ts';
import { classifierFor, type AnalyzeSettings, type ModelFiles } from './analyzeTask.ts';
import { seriesComputer } from './cohort/seriesComputer.ts';
import type { SeriesTask } from './cohort/seriesTask.ts';
import { parseCommand, parseOrUsage, UsageError, wholeNumber } from './io/commandArgs.ts';
import {
  featureOptions,
  featureOptionsHelp,
  featureOptionsUsage,
  featureParamsFrom,
} from './io/featureOptions.ts';
import { filtersFrom } from './filterFeatures.ts';
import type { FilterSpec } from '../core/filters/types.ts';
import { readKeyFile, readPassphraseFile } from './io/secretFile.ts';
import { ResultsDir } from './io/resultsDir.ts';
import { runSeries } from './io/seriesRun.ts';
import { signingKeyFile } from './signingKeyFile.ts';

const usage = `Usage: consilium analyze <files|dirs|zips…> --out bundle.zip [--center NAME]
  [--key-file K]  (the collaboration key file shared by the centers: its bytes less one trailing
                   line end, as in the workbench; without it a one-off key is used)
  [--model m.onnx [--card c.json] | --no-model]  (default: the shipped pneumonia-cnn)
  ${featureOptionsUsage}
  [--filter SPEC…]  (one more whole-image record per IBSI 2 filter, e.g. log:sigma=3,boundary=mirror;
                     repeatable, or "filters" in the --params file; docs/filters.md)
  [--labels labels.csv]  (a "label" column and a series UID, study UID, accession number or
                          patient ID column)
  [--sign-key center.jwk]  (created with its .pub.pem if missing)
  [--passphrase-file F] [--report-dates remove|shift]
  [--jobs N]  (series computed at once in worker threads, default one per core; with fewer
               series than N, a large image's feature families share the spare ones)
  [--results DIR [--resume]]  (each series' results written to DIR as it finishes, whole or not
                               at all; --resume reads back those already there)
  [--stow URL [--stow-token-file F]]  (store each study's report, under its real identifiers,
                               into that study on the DICOMweb server: results beside the images)
  [--pseudonymised]  (with --stow: store the bundle's pseudonymised report instead, into the
                      pseudonymised study, for a research PACS of de-identified images)
  [--dicomweb URL --study UID | --query key=value…]  (read the studies from a DICOMweb server)

Whole-image features of each series:
${featureOptionsHelp}`;

const options = {
  out: { type: 'string' },
  center: { type: 'string' },
  'key-file': { type: 'string' },
  'collab-key': { type: 'string' },
  model: { type: 'string' },
  card: { type: 'string' },
  'no-model': { type: 'boolean' },
  labels: { type: 'string' },
  'sign-key': { type: 'string' },
  sign: { type: 'string' },
  'passphrase-file': { type: 'string' },
  'report-dates': { type: 'string' },
  jobs: { type: 'string' },
  results: { type: 'string' },
  resume: { type: 'boolean' },
  stow: { type: 'string' },
  'stow-token-file': { type: 'string' },
  pseudonymised: { type: 'boolean' },
  filter: { type: 'string', multiple: true },
  ...featureOptions,
} as const;

interface AnalyzeArgs {
  readonly paths: string[];
  readonly out: string;
  readonly center: string;
  readonly keyFile?: string;
  readonly models: ModelFiles[];
  readonly params: FeatureParams;
  /** --filter: filtered whole-image features, each record named by its filter. */
  readonly filters?: FilterSpec[];
  readonly labels?: string;
  readonly signKey?: string;
  readonly passphraseFile?: string;
  readonly reportDates: 'remove' | 'shift';
  readonly jobs: number;
  /** Each series' results, kept as it finishes (for --resume). */
  readonly results?: string;
  readonly resume: boolean;
  /** A DICOMweb server to store each study's identified SR into (io/dicomwebInputs.ts). */
  readonly stow?: {
    readonly url: string;
    readonly tokenFile?: string;
    readonly pseudonymised?: boolean;
  };
}

function settingsOf(args: AnalyzeArgs): AnalyzeSettings {
  return {
    features: args.params,
    ...(args.filters ? { filters: args.filters } : {}),
    models: args.models,
  };
}

function parseAnalyzeArgs(argv: readonly string[]): AnalyzeArgs {
  const { values: v, positionals } = parseCommand(argv, options);
  if (positionals.length === 0) throw new UsageError('Name the DICOM files or folders to analyse.');
  if (!v.out) throw new UsageError('--out names the bundle to write.');
  if (v['no-model'] && (v.model || v.card))
    throw new UsageError('Use --no-model or --model, not both.');
  const dates = v['report-dates'] ?? 'remove';
  if (dates !== 'remove' && dates !== 'shift')
    throw new UsageError(`--report-dates is "remove" or "shift", not "${dates}".`);
  const model = v.model ? { model: v.model, ...(v.card ? { card: v.card } : {}) } : {};
  if (v.pseudonymised && !v.stow)
    throw new UsageError('--pseudonymised says which report --stow stores; give --stow URL.');
  if (v.resume && !v.results)
    throw new UsageError('--resume reads the series results of --results DIR; give --results.');
  const keyFile = v['key-file'] ?? v['collab-key'];
  const signKey = v['sign-key'] ?? v.sign;
  return {
    paths: positionals,
    out: v.out,
    center: v.center ?? 'unnamed center',
    ...(keyFile ? { keyFile } : {}),
    models: v['no-model'] ? [] : [model],
    params: featureParamsFrom(v),
    ...filtersFrom(v),
    ...(v.labels ? { labels: v.labels } : {}),
    ...(signKey ? { signKey } : {}),
    ...(v['passphrase-file'] ? { passphraseFile: v['passphrase-file'] } : {}),
    reportDates: dates,
    jobs: v.jobs === undefined ? availableParallelism() : wholeNumber('jobs', v.jobs, 1, 'workers'),
    ...(v.results ? { results: v.results } : {}),
    resume: v.resume ?? false,
    ...(v.stow
      ? { stow: { url: v.stow, tokenFile: v['stow-token-file'], pseudonymised: v.pseudonymised } }
      : {}),
  };
}

/** The shared collaboration key; without one, a random key that no partner can match. */
async function collaborationKey(path: string | undefined): Promise<Uint8Array> {
  if (path) return readKeyFile(path);
  process.stderr.write(
    'No --key-file: using a one-off key, so partners cannot match these cases with theirs.\n',
  );
  return crypto.getRandomValues(new Uint8Array(32));
}

/** A series whose worker thread stopped (out of memory, a native crash): its one failure. */
function crashed(task: SeriesTask, error: unknown): SeriesResults[] {
  const file = task.series.files[0]?.file ?? task.series.uid;
  const problem = problemOf(error, 'analysis-failed');
  return [
    {
      seriesUid: task.series.uid,
      features: [],
      predictions: [],
      problems: [{ ...problem, params: { ...problem.params, file } }],
    },
  ];
}

function say(p: Problem): string {
  return `${String(p.params.file ?? '')}: ${p.code}: ${p.reason}`;
}

export async function analyzeCommand(argv: string[]): Promise<number> {
  const args = parseOrUsage(argv, usage, parseAnalyzeArgs);
  if ('exit' in args) return args.exit;
  let secret: Uint8Array;
  let passphrase: string | undefined;
  try {
    secret = await collaborationKey(args.keyFile);
    passphrase = args.passphraseFile ? await readPassphraseFile(args.passphraseFile) : undefined;
    // A model that cannot load stops the run before any series is read.
    for (const m of args.models) await classifierFor(m);
  } catch (e) {
    const p = problemOf(e, 'model-failed');
    process.stderr.write(`${p.code}: ${p.reason}\n`);
    return 1;
  }
  let results: ResultsDir | undefined;
  try {
    if (args.results) results = await ResultsDir.open(args.results, 'analyze', settingsOf(args));
  } catch (e) {
    const p = problemOf(e, 'results-failed');
    process.stderr.write(`${p.code}: ${p.reason}\n`);
    return 2;
  }
  const { series, problems: skipped } = await analyzeSeriesIndex(args.paths);
  for (const p of skipped) process.stderr.write(`skipped ${say(p)}\n`);
  let labels: Record<string, string> = {};
  if (args.labels) {
    const read = labelsFromCsv(await readFile(args.labels, 'utf8'), labelledSeries(series));
    if (read.problem) {
      process.stderr.write(`${args.labels}: ${read.problem}\n`);
      return 2;
    }
    labels = read.labels;
    process.stderr.write(`${args.labels}: ${labelsSummary(read)}\n`);
  }
  const jobs = Math.min(args.jobs, Math.max(1, series.length));
  const { compute, close } = seriesComputer(jobs, crashed);
  // Threads no series would use go to the families of each large whole image (familyThreads.ts).
  const familyThreads = Math.max(1, Math.floor(args.jobs / Math.max(1, series.length)));
  const settings = settingsOf(args);
  const computed: SeriesResults[] = [];
  try {
    await runSeries<SeriesResults>({
      label: 'analyze',
      series,
      jobs,
      ...(results ? { results, resume: args.resume } : {}),
      compute: async (ref) =>
        (await compute({
          command: 'analyze',
          settings,
          series: ref,
          familyThreads,
        })) as SeriesResults[],
      failed: (r) => r.some((s) => s.problems.some((p) => p.params.step !== 'prediction')),
      emit: (_ref, r) => {
        computed.push(...r);
      },
    });
  } finally {
    await close();
  }
  let failures = 0;
  let outOfScope = 0;
  for (const r of computed)
    for (const p of r.problems) {
      // A model meant for other images (chest radiographs, not CT) is not a failure.
      if (p.params.step === 'prediction') {
        outOfScope++;
        process.stderr.write(`no prediction for series of ${say(p)}\n`);
      } else {
        failures++;
        process.stderr.write(`analysis failed for series of ${say(p)}\n`);
      }
    }
  const features = computed.flatMap((r) => r.features);
  const predictions = computed.flatMap((r) => r.predictions);
  const bundle = await bundleFromResults({
    center: args.center,
    secret,
    features,
    predictions,
    labels,
    reportDates: args.reportDates,
    ...(args.signKey ? { signWith: await signingKeyFile(args.signKey) } : {}),
    ...(passphrase !== undefined ? { passphrase } : {}),
  });
  // Written beside the target and renamed: an interrupted run never leaves a partial bundle.
  const partial = `${args.out}.partial-${process.pid}`;
  try {
    await writeFile(partial, bundle);
    await rename(partial, args.out);
  } finally {
    await rm(partial, { force: true });
  }
  process.stdout.write(
    `Wrote ${args.out}: ${new Set(features.map((f) => f.seriesUid)).size} series analysed, ${predictions.length} predicted` +
      (args.models.length ? ` (${outOfScope} outside the model's scope)` : '') +
      `, ${skipped.length} files skipped, ${failures} analyses failed.\n`,
  );
  const notStored = args.stow
    ? await (
        await import('./io/dicomwebInputs.ts')
      ).stowStudyReports(
        args.stow.url,
        args.stow.tokenFile,
        features,
        predictions,
        args.stow.pseudonymised ? { secret, reportDates: args.reportDates } : undefined,
      )
    : 0;
  return features.length > 0 && failures === 0 && notStored === 0 ? 0 : 1;
}
