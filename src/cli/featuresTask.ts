// The features of one ROI, and of one whole series, computed where they run (in process, in a
// worker thread of `--jobs N`, or in a `consilium worker` of a cohort): the core's one
// ROI → processed → features step. Failures come back as plain data (Results), so every path
// gives the same records.
import type { FeatureSet } from '../core/analysis/computeFeatures.ts';
import type { FamilyId } from '../core/analysis/featureDef.ts';
import type { FeatureParams } from '../core/analysis/params.ts';
import type {
  AnalysisError,
  ImageVolume,
  RoiVolume,
  VoxelValues,
} from '../core/analysis/volume.ts';
import { volumeFromFrames } from '../core/analysis/volumeFromFrames.ts';
import type { LoadError } from '../core/dicom/types.ts';
import { readNifti } from '../core/masks/nifti.ts';
import { niftiSlices } from '../core/masks/niftiImage.ts';
import { roiFeatures, type RoiFeatureSet } from '../core/pipeline/roiFeatures.ts';
import { ok, problemOf, type Result } from '../core/result.ts';
import { loadMaskInputs, seriesRois, type MaskInputs } from './featureMasks.ts';
import { roiFeaturesInThreads } from './familyThreads.ts';
import { filteredRecord } from './filterFeatures.ts';
import type { FeaturesArgs } from './featuresArgs.ts';
import { problemAbout } from './io/records.ts';
import { loadSeriesFiles, type SeriesRef } from './io/seriesIndex.ts';
import { stackSeries, type StackedSeries } from './seriesStack.ts';

export interface FeaturesTask {
  roi: RoiVolume;
  params: FeatureParams;
  /** DICOM modality: CT is rounded to whole HU after interpolation. */
  modality: string;
  /** The families to compute (--families or the settings file's); every one when absent. */
  families?: readonly FamilyId[];
}

export type FeaturesOutcome = Result<RoiFeatureSet>;

export function runFeaturesTask({
  roi,
  params,
  modality,
  families,
}: FeaturesTask): FeaturesOutcome {
  try {
    return ok(roiFeatures(roi, params, { modality, ...(families ? { families } : {}) }));
  } catch (e) {
    return { ok: false, error: problemOf(e, 'analysis-failed') };
  }
}

/** runFeaturesTask with the families split over `threads` worker threads where the ROI is
 * large enough to gain from it (familyThreads.ts); the same outcome. */
export async function runFeaturesTaskInThreads(
  task: FeaturesTask,
  threads: number,
): Promise<FeaturesOutcome> {
  if (threads <= 1) return runFeaturesTask(task);
  const { roi, params, modality, families } = task;
  try {
    return ok(await roiFeaturesInThreads(roi, params, modality, families, threads));
  } catch (e) {
    return { ok: false, error: problemOf(e, 'analysis-failed') };
  }
}

/** What decides a series' features records: the same settings give the same records. */
export type FeaturesSettings = Pick<
  FeaturesArgs,
  'maskPaths' | 'structures' | 'roi' | 'params' | 'perSlice' | 'families' | 'filters'
>;

export function featuresSettings(args: FeaturesArgs): FeaturesSettings {
  const { maskPaths, structures, roi, params, perSlice, families, filters } = args;
  // families only when chosen, so runs of every family keep their settings hash
  return {
    maskPaths,
    structures,
    roi,
    params,
    perSlice,
    ...(families ? { families } : {}),
    ...(filters ? { filters } : {}),
  };
}

export interface Features {
  file: string;
  roiVoxels: number;
  features: FeatureSet['features'];
  [key: string]: unknown;
}

export type FeaturesRecord = Result<Features>;

/** Units: the engine writes 'I' for the image intensity unit; CT intensities are HU. */
function withUnits(set: FeatureSet, modality: string): FeatureSet['features'] {
  const unit = modality === 'CT' ? 'HU' : 'intensity';
  return set.features.map((f) => ({ ...f, unit: f.unit.replace('I', unit) }));
}

/** A series that cannot be stacked (colour, mixed sizes) is one error record, not a crash. */
function volumeOf(series: StackedSeries): Result<ImageVolume<VoxelValues>> {
  try {
    return ok(series.volume());
  } catch (e) {
    const file = (e as Partial<AnalysisError>).file || series.metas[0].file;
    return { ok: false, error: { ...problemAbout(e, 'analysis-failed', file), params: { file } } };
  }
}

async function recordOf(
  settings: FeaturesSettings,
  series: StackedSeries,
  roi: RoiVolume,
  where: Record<string, unknown>,
  threads = 1,
): Promise<FeaturesRecord> {
  const task: FeaturesTask = {
    roi,
    params: settings.params,
    modality: series.modality,
    ...(settings.families ? { families: settings.families } : {}),
  };
  const outcome = await runFeaturesTaskInThreads(task, threads);
  const file = String(where.file);
  if (!outcome.ok) {
    return { ok: false, error: { ...outcome.error, params: { ...outcome.error.params, file } } };
  }
  const set = outcome.value;
  return ok({
    ...where,
    file,
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

// The --mask inputs, read once per thread and shared by every series it computes.
const maskCache = new Map<string, Promise<MaskInputs>>();

export function masksFor(paths: readonly string[]): Promise<MaskInputs> {
  const id = JSON.stringify(paths);
  let m = maskCache.get(id);
  if (!m) {
    m = loadMaskInputs(paths);
    maskCache.set(id, m);
  }
  return m;
}

/** A series read and stacked (each frame into the volume as it decodes), or why it has none. */
async function loadImageSeries(
  ref: SeriesRef,
): Promise<{ series: StackedSeries | null; errors: FeaturesRecord[] }> {
  if (ref.kind === 'nifti') {
    const { file, bytes } = (await loadSeriesFiles(ref))[0];
    try {
      const { frames, ...slices } = niftiSlices(readNifti(bytes, file));
      const [{ columns, rows }] = frames;
      const volume = () => volumeFromFrames(slices.metas, frames);
      return { series: { ...slices, modality: '', columns, rows, volume }, errors: [] };
    } catch (e) {
      return {
        series: null,
        errors: [{ ok: false, error: problemOf(e, 'invalid-nifti', { file }) }],
      };
    }
  }
  const loadErrors: { file: string; error: LoadError }[] = [];
  const series = await stackSeries(ref, loadErrors);
  const errors: FeaturesRecord[] = loadErrors.map(({ file, error }) => ({
    ok: false,
    error: problemOf(error, 'read-failed', { file }),
  }));
  return { series, errors };
}

/**
 * Every record of one series: its files' load errors, then one record per ROI (or per slice of
 * each ROI with perSlice). `imageUids` are all the image series of the run (an RTSTRUCT naming
 * some of them applies to those only). `familyThreads`: threads one ROI's families may be
 * split over (the same records).
 */
export async function featuresOfSeries(
  settings: FeaturesSettings,
  ref: SeriesRef,
  imageUids: readonly string[],
  familyThreads = 1,
): Promise<FeaturesRecord[]> {
  let loaded;
  try {
    loaded = await loadImageSeries(ref);
  } catch (e) {
    const file = ref.files[0]?.file ?? ref.uid;
    return [{ ok: false, error: problemOf(e, 'read-failed', { file }) }];
  }
  const { series, errors } = loaded;
  const records = [...errors];
  if (!series) return records;
  const masks = settings.maskPaths.length > 0 ? await masksFor(settings.maskPaths) : emptyMasks;
  let volume: Result<ImageVolume<VoxelValues>> | null = null;
  for await (const { roi } of seriesRois(settings, [series], masks, new Set(imageUids))) {
    if (!roi.ok) {
      records.push(roi);
      continue;
    }
    const { mask } = roi.value;
    volume ??= volumeOf(series); // one volume for all of the series' ROIs
    if (!volume.ok) {
      records.push(volume);
      continue;
    }
    const image = volume.value;
    if (!settings.perSlice) {
      const where = {
        series: series.seriesInstanceUID,
        file: series.metas[0].file,
        files: [...new Set(series.metas.map((m) => m.file))],
        roi: roi.value.description,
      };
      records.push(await recordOf(settings, series, { ...image, mask }, where, familyThreads));
      // --filter: one more record per filter, the same ROI on the filtered image.
      for (const spec of settings.filters ?? [])
        records.push(filteredRecord(settings, series.modality, { ...image, mask }, spec, where));
      continue;
    }
    const [nx, ny] = image.dims;
    const plane = nx * ny;
    for (let z = 0; z < image.dims[2]; z++) {
      const sliceMask = mask?.subarray(z * plane, (z + 1) * plane);
      // Slices outside the ROI have no features.
      if (sliceMask && !sliceMask.some((v) => v !== 0)) continue;
      const meta = series.metas[z];
      records.push(
        await recordOf(
          settings,
          series,
          {
            values: image.values.subarray(z * plane, (z + 1) * plane),
            mask: sliceMask,
            dims: [nx, ny, 1],
            spacingMm: image.spacingMm,
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
  return records;
}

const emptyMasks: MaskInputs = { sources: [], series: [], errors: [] };
