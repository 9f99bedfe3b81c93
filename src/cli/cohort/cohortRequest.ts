// What `cohort submit --command features|infer|analyze` queues: each command's options parsed as
// that command parses them on one machine, its settings (which the results folder hashes, so a
// series gets the same content key as in a single-machine run of the same settings), the records
// that precede every series', and the task a worker runs for each series. Paths become absolute:
// workers on other machines read them too.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeSeriesIndex } from '../analyzeInputs.ts';
import type { AnalyzeSettings, ModelFiles } from '../analyzeTask.ts';
import { parseFeaturesArgs, type FeaturesArgs } from '../featuresArgs.ts';
import { parseInferArgs } from '../infer.ts';
import { parseCommand, UsageError } from '../io/commandArgs.ts';
import { filtersFrom } from '../filterFeatures.ts';
import { featureOptions, featureParamsFrom } from '../io/featureOptions.ts';
import { problemAbout } from '../io/records.ts';
import { indexSeries, type SeriesRef } from '../io/seriesIndex.ts';
import { planFeatures } from './featuresPlan.ts';
import type { InferSettings } from './inferSeries.ts';
import type { SeriesCommand, SeriesTask } from './seriesTask.ts';

export const cohortCommands = ['features', 'infer', 'analyze'] as const satisfies SeriesCommand[];

export type CohortRequest =
  | { readonly command: 'features'; readonly paths: string[]; readonly features: FeaturesArgs }
  | { readonly command: 'infer'; readonly paths: string[]; readonly settings: InferSettings }
  | { readonly command: 'analyze'; readonly paths: string[]; readonly settings: AnalyzeSettings };

export interface CohortWork {
  readonly command: SeriesCommand;
  /** What the results folder hashes (run.json): the single-machine command's settings. */
  readonly settings: unknown;
  readonly leading: unknown[];
  readonly series: SeriesRef[];
  /** Files left out before any series (analyze has no record for them: said on stderr). */
  readonly skipped: string[];
  readonly task: (ref: SeriesRef) => SeriesTask;
}

/** A model and its card as absolute paths, checked here: a missing file would fail every job. */
function modelFiles(model?: string, card?: string): ModelFiles {
  const files: { model?: string; card?: string } = {};
  if (model !== undefined) files.model = resolve(model);
  if (card !== undefined) files.card = resolve(card);
  for (const [flag, p] of Object.entries(files))
    if (!existsSync(p)) throw new UsageError(`--${flag}: ${p} does not exist.`);
  return files;
}

const analyzeOptions = {
  ...featureOptions,
  model: { type: 'string' },
  card: { type: 'string' },
  'no-model': { type: 'boolean' },
  filter: { type: 'string', multiple: true },
} as const;

function parseAnalyze(argv: readonly string[]): CohortRequest {
  const { values: v, positionals } = parseCommand(argv, analyzeOptions);
  if (positionals.length === 0) throw new UsageError('Name the DICOM files or folders to analyse.');
  if (v['no-model'] && (v.model || v.card))
    throw new UsageError('Use --no-model or --model, not both.');
  return {
    command: 'analyze',
    paths: positionals.map((p) => resolve(p)),
    settings: {
      features: featureParamsFrom(v),
      ...filtersFrom(v),
      // As `consilium analyze`: a card without a model names nothing.
      models: v['no-model'] ? [] : [v.model ? modelFiles(v.model, v.card) : {}],
    },
  };
}

/** The request of `--command <command>` with the command's own options (`rest`). */
export function parseCohortRequest(command: string, rest: readonly string[]): CohortRequest {
  // A job carries file paths; instances fetched from a PACS exist only in this process.
  if (rest.some((p) => p.startsWith('dicomweb:')))
    throw new UsageError(
      'cohort submit reads files, folders and zips every worker reaches; run the command with --dicomweb on one machine, or store the studies on shared storage first.',
    );
  switch (command) {
    case 'features': {
      const features = parseFeaturesArgs(rest);
      features.paths = features.paths.map((p) => resolve(p));
      features.maskPaths = features.maskPaths.map((p) => resolve(p));
      return { command, paths: features.paths, features };
    }
    case 'infer': {
      const a = parseInferArgs(rest);
      return {
        command,
        paths: a.paths.map((p) => resolve(p)),
        settings: { ...modelFiles(a.model, a.card), batch: a.batch },
      };
    }
    case 'analyze':
      return parseAnalyze(rest);
    default:
      throw new UsageError(`--command is one of ${cohortCommands.join(', ')}, not "${command}".`);
  }
}

/** Indexes the request's inputs on this machine: the series to queue, in input order. */
export async function planCohort(request: CohortRequest): Promise<CohortWork> {
  switch (request.command) {
    case 'features': {
      const plan = await planFeatures(request.features);
      return {
        command: 'features',
        settings: plan.settings,
        leading: plan.leading,
        series: plan.series,
        skipped: [],
        task: (series) => ({
          command: 'features',
          settings: plan.settings,
          series,
          imageUids: plan.imageUids,
        }),
      };
    }
    case 'infer': {
      // As `consilium infer` does: files that are not DICOM lead the lines, as error lines.
      const index = await indexSeries(request.paths, { notDicom: 'not-dicom' });
      const { settings } = request;
      return {
        command: 'infer',
        settings,
        leading: index.problems.map((p) => ({
          ok: false,
          error: problemAbout(p, p.code, String(p.params.file ?? '')),
        })),
        series: index.series,
        skipped: [],
        task: (series) => ({ command: 'infer', settings, series }),
      };
    }
    case 'analyze': {
      const index = await analyzeSeriesIndex(request.paths);
      const { settings } = request;
      return {
        command: 'analyze',
        settings,
        leading: [],
        series: index.series,
        skipped: index.problems.map(
          (p) => `${String(p.params.file ?? '')}: ${p.code}: ${p.reason}`,
        ),
        task: (series) => ({ command: 'analyze', settings, series }),
      };
    }
  }
}
