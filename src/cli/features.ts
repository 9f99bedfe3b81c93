// `consilium features`: IBSI radiomics features of DICOM series, one record per ROI for every
// aggregation (2D texture per slice, aggregated over the ROI's slices; everything else on the
// whole ROI), or one per slice with --per-slice; within a rectangle, a mask series or the
// whole image, after the image processing the options ask for.
//
// The inputs are indexed first (where each file lies, no bytes kept), then computed one series at
// a time per job (load → compute → write → free), so memory follows --jobs, not the cohort.
import { problemOf } from '../core/result.ts';
import { planFeatures } from './cohort/featuresPlan.ts';
import { crashRecord, seriesComputer } from './cohort/seriesComputer.ts';
import { parseFeaturesArgs, type FeaturesArgs } from './featuresArgs.ts';
import { featuresSettings, type FeaturesRecord } from './featuresTask.ts';
import { parseOrUsage } from './io/commandArgs.ts';
import { featureOptionsHelp, featureOptionsUsage } from './io/featureOptions.ts';
import { fileOfSettings } from '../core/analysis/paramsFile/settings.ts';
import { familyDefs } from '../core/analysis/registry.ts';
import { MergedOutput } from './io/mergedOutput.ts';
import { problemLine, writeRecord } from './io/records.ts';
import { ResultsDir } from './io/resultsDir.ts';
import { runArgsUsage, takeRunArgs, type RunArgs } from './io/runArgs.ts';
import { runSeries } from './io/seriesRun.ts';
import { join } from 'node:path';

/** The family names, wrapped under the option's description. */
const familyList = Object.keys(familyDefs)
  .reduce<string[]>((lines, f) => {
    const last = lines.at(-1);
    if (last !== undefined && last.length + f.length < 64) lines[lines.length - 1] += `, ${f}`;
    else lines.push(f);
    return lines;
  }, [])
  .map((line) => `\n${' '.repeat(24)}${line}`)
  .join(',');

const usage = `Usage: consilium features <files|dirs|zips…> [--roi x,y,w,h | --mask <files|dirs…> [--structure NAME…]]
  ${featureOptionsUsage}
  [--families F,…] [--filter SPEC…] [--per-slice] [--jobs N] [--out DIR [--resume]] [--json]

  Images are DICOM series or NIfTI volumes (.nii, .nii.gz).
  --roi x,y,w,h         a rectangle on every slice (default: the whole image)
  --mask <files|dirs…>  DICOM RTSTRUCT, DICOM SEG (binary, or fractional kept at ≥ 0.5), NIfTI
                        label map (each value a structure), or a DICOM label-map series
                        (non-zero = inside); every structure is its own ROI and record
  --structure NAME      only this structure: ROI Name, Segment Label or number, or label value
                        (repeat for several)
  --families F,…        only these families (default: every one):${familyList}
  --filter SPEC         one more record per ROI on the IBSI 2 filtered image, e.g.
                        log:sigma=3,boundary=mirror (repeat for several; docs/filters.md)
  --per-slice           one record per slice of each ROI (default: one record per ROI)
  --jobs N              series computed at once in worker threads (default: one per core);
                        with fewer series than N, a large ROI's families share the spare ones
  ${runArgsUsage}

${featureOptionsHelp}`;

function print(args: FeaturesArgs, record: FeaturesRecord): void {
  if (args.json) {
    writeRecord(record);
    return;
  }
  if (!record.ok) {
    process.stdout.write(problemLine(record.error) + '\n');
    return;
  }
  const { value } = record;
  const structure = (value.roi as { structure?: string } | undefined)?.structure;
  const named = structure === undefined ? '' : ` [${structure}]`;
  process.stdout.write(`# ${value.file}${named} (${value.roiVoxels} voxels)\n`);
  for (const f of value.features) {
    process.stdout.write(
      `${f.name}\t${f.ibsiCode}\t${f.aggregation || '-'}\t${f.value}\t${f.unit}\n`,
    );
  }
}

function parse(argv: readonly string[]): FeaturesArgs & { run: RunArgs } {
  const { run, rest } = takeRunArgs(argv);
  return { ...parseFeaturesArgs(rest), run };
}

export async function featuresCommand(argv: string[]): Promise<number> {
  const args = parseOrUsage(argv, usage, parse);
  if ('exit' in args) return args.exit;
  const settings = featuresSettings(args);
  let results: ResultsDir | undefined;
  try {
    if (args.run.out) results = await ResultsDir.open(args.run.out, 'features', settings);
  } catch (e) {
    const p = problemOf(e, 'results-failed');
    process.stderr.write(`${p.code}: ${p.reason}\n`);
    return 2;
  }
  const merged = results ? new MergedOutput(join(results.dir, 'features.jsonl')) : undefined;
  // The text output starts with the settings, as `--params` reads them back (JSON records carry
  // them in each record's params).
  if (!args.json)
    process.stdout.write(`# settings ${JSON.stringify(fileOfSettings(args.settings))}\n`);
  let failures = 0;
  const emit = async (record: FeaturesRecord): Promise<void> => {
    if (!record.ok) failures++;
    print(args, record);
    await merged?.line(JSON.stringify(record));
  };
  const { leading, series, imageUids } = await planFeatures(args);
  for (const record of leading) await emit(record);
  const { compute, close } = seriesComputer(
    Math.min(args.jobs, Math.max(1, series.length)),
    crashRecord,
  );
  // Threads no series would use go to the families of each series' ROIs (familyThreads.ts).
  const familyThreads = Math.max(1, Math.floor(args.jobs / Math.max(1, series.length)));
  try {
    await runSeries({
      label: 'features',
      series,
      jobs: args.jobs,
      ...(results ? { results, resume: args.run.resume } : {}),
      compute: async (ref) =>
        (await compute({
          command: 'features',
          settings,
          series: ref,
          imageUids,
          familyThreads,
        })) as FeaturesRecord[],
      failed: (records) => records.some((r) => !r.ok),
      emit: async (_ref, records) => {
        for (const r of records) await emit(r);
      },
    });
    await merged?.commit();
  } finally {
    await merged?.discard();
    await close();
  }
  return failures > 0 ? 1 : 0;
}
