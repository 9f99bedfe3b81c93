// One series of `consilium analyze`, computed where it runs (in process, or in a worker thread of
// `--jobs N`): its files' bytes in, the core recipe's results out (core/pipeline/seriesResults).
// Frames are decoded one at a time as the recipe asks for them.
import type { FeatureParams } from '../core/analysis/params.ts';
import { decodeFrame } from '../core/dicom/decode.ts';
import type { DecodedFrame, InstanceMeta } from '../core/dicom/types.ts';
import type { Classifier } from '../core/inference/classifier.ts';
import type { FilterSpec } from '../core/filters/types.ts';
import type { RoiFeaturesStep } from '../core/pipeline/seriesFeatures.ts';
import { seriesResults } from '../core/pipeline/seriesResults.ts';
import type { SeriesResults, SeriesSource } from '../core/pipeline/types.ts';
import { parseInstance } from '../core/dicom/parse.ts';
import { orderInstances } from '../core/dicom/studyIndex.ts';
import { problemOf, ProblemError } from '../core/result.ts';
import { roiFeaturesInThreads } from './familyThreads.ts';
import { loadClassifier } from './inferModel.ts';
import { loadSeriesFiles, type SeriesRef } from './io/seriesIndex.ts';

/** A model file and its card; paths as given on the command line (the default model if absent). */
export interface ModelFiles {
  readonly model?: string;
  readonly card?: string;
}

export interface AnalyzeTask {
  readonly seriesInstanceUid: string;
  /** The series' instances in display order, each with its file's bytes: consumed, each
   * instance's bytes let go (null) once its frames are decoded. */
  readonly instances: { readonly meta: InstanceMeta; bytes: Uint8Array | null }[];
  readonly features: FeatureParams | null;
  /** --filter: one more whole-image record per filter. */
  readonly filters?: readonly FilterSpec[];
  readonly models: readonly ModelFiles[];
  /** onnxruntime threads per session: 1 in a pool (the pool is the parallelism). */
  readonly modelThreads?: number;
  /** Threads a large whole image's feature families may be split over (spare --jobs); the
   * same results (familyThreads.ts). */
  readonly familyThreads?: number;
}

// Loaded once per thread: every series a thread computes uses the same sessions.
const classifiers = new Map<string, Promise<Classifier>>();

export function classifierFor(files: ModelFiles, threads?: number): Promise<Classifier> {
  const id = JSON.stringify([files.model ?? '', files.card ?? '', threads ?? 0]);
  let c = classifiers.get(id);
  if (!c) {
    c = loadClassifier(files.model, files.card, 32, threads);
    classifiers.set(id, c);
  }
  return c;
}

/** The task's frames, decoded as asked for (in display order); a file's bytes go once its last
 * frame is decoded, so the series' files and its volume are not all held at once. */
export function seriesSource(task: AnalyzeTask): SeriesSource<DecodedFrame> {
  const frames: { instance: number; frame: number }[] = [];
  task.instances.forEach(({ meta }, instance) => {
    for (let f = 0; f < meta.frames; f++) frames.push({ instance, frame: f });
  });
  return {
    seriesInstanceUid: task.seriesInstanceUid,
    metas: frames.map((f) => task.instances[f.instance].meta),
    frame: async (i) => {
      const at = task.instances[frames[i].instance];
      if (!at.bytes) throw new ProblemError('read-failed', 'The file was read once already.');
      const decoded = await decodeFrame(at.bytes, at.meta, frames[i].frame);
      if (frames[i].frame === at.meta.frames - 1) at.bytes = null;
      return decoded;
    },
  };
}

export async function runAnalyzeTask(task: AnalyzeTask): Promise<SeriesResults> {
  const models = await Promise.all(task.models.map((m) => classifierFor(m, task.modelThreads)));
  const settings = { features: task.features, ...(task.filters ? { filters: task.filters } : {}) };
  const threads = task.familyThreads ?? 1;
  const step: RoiFeaturesStep | undefined =
    threads > 1
      ? (roi, params, modality) => roiFeaturesInThreads(roi, params, modality, undefined, threads)
      : undefined;
  return seriesResults(seriesSource(task), settings, models, step);
}

/** What decides a series' analyze results: whole-image features and the models. */
export interface AnalyzeSettings {
  readonly features: FeatureParams | null;
  /** --filter (or the params file's filters): filtered whole-image records. */
  readonly filters?: readonly FilterSpec[];
  readonly models: readonly ModelFiles[];
}

/** A series' files read again and parsed, in display order (only the task holds the bytes). */
async function orderedInstances(ref: SeriesRef): Promise<AnalyzeTask['instances']> {
  const items: { meta: InstanceMeta; bytes: Uint8Array }[] = [];
  for (const { file, bytes } of await loadSeriesFiles(ref)) {
    const parsed = parseInstance(bytes, file);
    if (parsed.ok) items.push({ meta: parsed.meta, bytes });
  }
  const bytesOf = new Map(items.map((it) => [it.meta, it.bytes]));
  return orderInstances(items.map((it) => it.meta)).map((meta) => ({
    meta,
    bytes: bytesOf.get(meta)!,
  }));
}

/** One indexed series: its files read again and parsed, then computed as runAnalyzeTask does. */
export async function analyzeSeries(
  settings: AnalyzeSettings,
  ref: SeriesRef,
  modelThreads?: number,
  familyThreads?: number,
): Promise<SeriesResults> {
  try {
    return await runAnalyzeTask({
      seriesInstanceUid: ref.uid,
      instances: await orderedInstances(ref),
      features: settings.features,
      ...(settings.filters ? { filters: settings.filters } : {}),
      models: settings.models,
      ...(modelThreads ? { modelThreads } : {}),
      ...(familyThreads ? { familyThreads } : {}),
    });
  } catch (e) {
    return {
      seriesUid: ref.uid,
      features: [],
      predictions: [],
      problems: [problemOf(e, 'analysis-failed')],
    };
  }
}
