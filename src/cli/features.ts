// `consilium features`: IBSI radiomics features of DICOM series, one record per ROI for every
// aggregation (2D texture per slice, aggregated over the ROI's slices; everything else on the
// whole ROI), or one per slice with --per-slice; within a rectangle, a mask series or the
// whole image, after the image processing the options ask for.
import type { FeatureSet } from '../core/analysis/computeFeatures.ts';
import { volumeFromFrames } from '../core/analysis/volumeFromFrames.ts';
import type { AnalysisError, ImageVolume, RoiVolume } from '../core/analysis/volume.ts';
import { fail, ok, type Result } from '../core/result.ts';
import type { LoadedSeries } from './analysisInput.ts';
import { loadMaskInputs, rememberLast, seriesRois } from './featureMasks.ts';
import { parseFeaturesArgs, type FeaturesArgs } from './featuresArgs.ts';
import { runFeaturesTask, type FeaturesOutcome } from './featuresTask.ts';
import { parseOrUsage } from './io/commandArgs.ts';
import { featureOptionsHelp, featureOptionsUsage } from './io/featureOptions.ts';
import { loadImages } from './imageInputs.ts';
import { problemAbout, problemLine, writeRecord } from './io/records.ts';
import { ThreadPool } from './workerPool.ts';

const usage = `Usage: consilium features <files|dirs|zips…> [--roi x,y,w,h | --mask <files|dirs…> [--structure NAME…]]
  ${featureOptionsUsage}
  [--per-slice] [--jobs N] [--json]

  Images are DICOM series or NIfTI volumes (.nii, .nii.gz).
  --roi x,y,w,h         a rectangle on every slice (default: the whole image)
  --mask <files|dirs…>  DICOM RTSTRUCT, DICOM SEG (binary, or fractional kept at ≥ 0.5), NIfTI
                        label map (each value a structure), or a DICOM label-map series
                        (non-zero = inside); every structure is its own ROI and record
  --structure NAME      only this structure: ROI Name, Segment Label or number, or label value
                        (repeat for several)
  --per-slice           one record per slice of each ROI (default: one record per ROI)
  --jobs N              ROIs computed at once in worker threads (default: one per core)

${featureOptionsHelp}`;

interface Features {
  file: string;
  roiVoxels: number;
  features: FeatureSet['features'];
  [key: string]: unknown;
}

type FeaturesRecord = Result<Features>;

/** Units: the engine writes 'I' for the image intensity unit; CT intensities are HU. */
function withUnits(set: FeatureSet, modality: string): FeatureSet['features'] {
  const unit = modality === 'CT' ? 'HU' : 'intensity';
  return set.features.map((f) => ({ ...f, unit: f.unit.replace('I', unit) }));
}

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

/** A series that cannot be stacked (colour, mixed sizes) is one error record, not a crash. */
function volumeOf(series: LoadedSeries): Result<ImageVolume> {
  try {
    return ok(volumeFromFrames(series.metas, series.frames));
  } catch (e) {
    const file = (e as Partial<AnalysisError>).file || series.metas[0].file;
    return { ok: false, error: { ...problemAbout(e, 'analysis-failed', file), params: { file } } };
  }
}

type Compute = (roi: RoiVolume, modality: string) => Promise<FeaturesOutcome>;

/** `--jobs 1` computes in process; more runs each ROI in a pool of worker threads, sending it
 * copies of the ROI's voxels (so this thread's volume stays whole) and getting small results. */
function computer(args: FeaturesArgs): { compute: Compute; close(): Promise<void> } {
  if (args.jobs === 1) {
    return {
      compute: async (roi, modality) => runFeaturesTask({ roi, params: args.params, modality }),
      close: async () => {},
    };
  }
  const pool = new ThreadPool<typeof runFeaturesTask>(
    new URL('./featuresWorker.ts', import.meta.url),
    args.jobs,
  );
  return {
    compute: (roi, modality) => {
      const copy = { ...roi, values: roi.values.slice(), mask: roi.mask.slice() };
      return pool
        .run({ roi: copy, params: args.params, modality }, [copy.values.buffer, copy.mask.buffer])
        .catch((e: unknown): FeaturesOutcome => fail('analysis-failed', String(e)));
    },
    close: () => pool.close(),
  };
}

async function analyse(
  args: FeaturesArgs,
  compute: Compute,
  series: LoadedSeries,
  roi: RoiVolume,
  where: Record<string, unknown>,
): Promise<FeaturesRecord> {
  const outcome = await compute(roi, series.modality);
  const file = String(where.file);
  if (!outcome.ok) {
    return { ok: false, error: { ...outcome.error, params: { ...outcome.error.params, file } } };
  }
  const set = outcome.value;
  return ok({
    ...where,
    file: String(where.file),
    modality: series.modality,
    dims: roi.dims,
    spacingMm: roi.spacingMm,
    // Resampled: the new grid's spacing and the part of it around the ROI that was computed.
    ...(set.params.resample ? { resampled: { dims: set.dims, spacingMm: set.spacingMm } } : {}),
    params: set.params,
    roiVoxels: set.roiVoxels,
    features: withUnits(set, series.modality),
  });
}

export async function featuresCommand(argv: string[]): Promise<number> {
  const args = parseOrUsage(argv, usage, parseFeaturesArgs);
  if ('exit' in args) return args.exit;
  const images = await loadImages(args.paths, args.maskPaths);
  const masks = await loadMaskInputs(args.maskPaths);
  // Records print in input order, each once it and all before it are done; at most a few per
  // worker wait unprinted, so copies of ROIs in flight stay few.
  let failures = 0;
  let printed = Promise.resolve();
  const unprinted: Promise<void>[] = [];
  const emit = async (record: FeaturesRecord | Promise<FeaturesRecord>): Promise<void> => {
    printed = printed.then(async () => {
      const r = await record;
      if (r.ok === false) failures++;
      print(args, r);
    });
    unprinted.push(printed);
    if (unprinted.length > 2 * args.jobs) await unprinted.shift();
  };
  for (const error of [...images.errors, ...masks.errors])
    await emit({ ok: false, error: problemAbout(error, 'read-failed', error.file) });
  const maskUids = new Set(masks.series.map((m) => m.seriesInstanceUID));
  const perInstance = args.perSlice;
  const { compute, close } = computer(args);
  try {
    const imageSeries = images.series.filter((s) => !maskUids.has(s.seriesInstanceUID));
    const volumeFor = rememberLast(volumeOf); // one volume for all of a series' ROIs
    for await (const { series, roi } of seriesRois(args, imageSeries, masks)) {
      if (!roi.ok) {
        await emit(roi);
        continue;
      }
      const { mask } = roi.value;
      const loaded = volumeFor(series);
      if (!loaded.ok) {
        await emit(loaded);
        continue;
      }
      const volume = loaded.value;
      if (!perInstance) {
        await emit(
          analyse(
            args,
            compute,
            series,
            { ...volume, mask },
            {
              series: series.seriesInstanceUID,
              file: series.metas[0].file,
              files: [...new Set(series.metas.map((m) => m.file))],
              roi: roi.value.description,
            },
          ),
        );
        continue;
      }
      const [nx, ny] = volume.dims;
      const plane = nx * ny;
      for (let z = 0; z < series.frames.length; z++) {
        const sliceMask = mask.subarray(z * plane, (z + 1) * plane);
        if (!sliceMask.some((v) => v !== 0)) continue; // slices outside the ROI have no features
        const meta = series.metas[z];
        await emit(
          analyse(
            args,
            compute,
            series,
            {
              values: volume.values.subarray(z * plane, (z + 1) * plane),
              mask: sliceMask,
              dims: [nx, ny, 1],
              spacingMm: volume.spacingMm,
            },
            {
              series: series.seriesInstanceUID,
              instance: meta.sopInstanceUID,
              file: meta.file,
              slice: z,
              roi: roi.value.description,
            },
          ),
        );
      }
    }
    await printed;
  } finally {
    await printed.catch(() => {}); // records begun before an error still print
    await close();
  }
  return failures > 0 ? 1 : 0;
}
