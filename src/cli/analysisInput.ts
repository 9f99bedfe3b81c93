// Reading DICOM files, folders and zips into ordered, decoded series for the analysis commands.
import { decodeFrame } from '../core/dicom/decode.ts';
import { asLoadError } from '../core/dicom/loadError.ts';
import { parseInstance } from '../core/dicom/parse.ts';
import { orderInstances } from '../core/dicom/studyIndex.ts';
import type { DecodedFrame, InstanceMeta, LoadError } from '../core/dicom/types.ts';
import { walkInputs, type InputFile } from './io/walkInputs.ts';

export interface LoadedSeries {
  seriesInstanceUID: string;
  modality: string;
  /** One entry per slice, in display order (a multi-frame instance gives several). */
  metas: InstanceMeta[];
  frames: DecodedFrame[];
}

/** One file's header and its decoded frames (those that decoded). */
export interface DecodedInstance {
  meta: InstanceMeta;
  frames: DecodedFrame[];
}

/** What ROIs are placed on: a series' slices in display order and the first one's size. */
export interface SeriesGrid {
  seriesInstanceUID: string;
  modality: string;
  /** One entry per slice, in display order (a multi-frame instance gives several). */
  metas: InstanceMeta[];
  columns: number;
  rows: number;
}

/** Parses one input's header; a file that cannot be parsed is one error. */
export function parseInput({ file, bytes }: InputFile, errors: LoadError[]): InstanceMeta | null {
  try {
    const parsed = parseInstance(bytes, file);
    if (!parsed.ok) {
      errors.push(parsed.error);
      return null;
    }
    return parsed.meta;
  } catch (e) {
    // A parser bug costs one file, as in the workbench's ingest.
    const reason = `could not be read: ${e instanceof Error ? e.message : String(e)}`;
    errors.push({ code: 'invalid-header', file, reason });
    return null;
  }
}

/** Decodes a file's frames one at a time, handing each to `each` before the next is decoded;
 * frames that fail are one error for the file. */
export async function eachFrame(
  { file, bytes }: InputFile,
  meta: InstanceMeta,
  errors: LoadError[],
  each: (frame: DecodedFrame) => void,
): Promise<void> {
  // One record per file: the first failure, with how many frames failed (often all, alike).
  let failed: LoadError | undefined;
  let failures = 0;
  for (let f = 0; f < meta.frames; f++) {
    let frame: DecodedFrame;
    try {
      frame = await decodeFrame(bytes, meta, f);
    } catch (e) {
      failures++;
      failed ??= asLoadError(e, file);
      continue;
    }
    each(frame);
  }
  if (failed) {
    const more = failures > 1 ? ` (${failures} of its ${meta.frames} frames failed)` : '';
    errors.push({ ...failed, reason: failed.reason + more });
  }
}

/** Parses and decodes one input; its raw bytes are not kept. */
export async function decodeInput(
  input: InputFile,
  errors: LoadError[],
): Promise<DecodedInstance | null> {
  const meta = parseInput(input, errors);
  if (!meta) return null;
  const frames: DecodedFrame[] = [];
  await eachFrame(input, meta, errors, (frame) => frames.push(frame));
  return { meta, frames };
}

/** Instances grouped by series (in the order series were first met), slices in display order. */
export function groupSeries(instances: Iterable<DecodedInstance>): LoadedSeries[] {
  const byUid = new Map<string, DecodedInstance[]>();
  for (const it of instances) {
    const list = byUid.get(it.meta.seriesInstanceUID) ?? [];
    list.push(it);
    byUid.set(it.meta.seriesInstanceUID, list);
  }
  const series: LoadedSeries[] = [];
  for (const [uid, items] of byUid) {
    const framesOf = new Map(items.map((it) => [it.meta, it.frames]));
    const metas: InstanceMeta[] = [];
    const frames: DecodedFrame[] = [];
    for (const meta of orderInstances(items.map((it) => it.meta))) {
      for (const frame of framesOf.get(meta) ?? []) {
        frames.push(frame);
        metas.push(meta);
      }
    }
    if (frames.length > 0)
      series.push({ seriesInstanceUID: uid, modality: metas[0].modality, metas, frames });
  }
  return series;
}

/**
 * Every readable series under the paths (folders and zips opened as in the workbench); files
 * that cannot be read, parsed or decoded become errors and the rest load. Each file is decoded
 * as it is read, so only decoded frames are held, never the raw bytes of the whole input.
 */
export async function loadSeries(
  paths: readonly string[],
): Promise<{ series: LoadedSeries[]; errors: LoadError[] }> {
  const errors: LoadError[] = [];
  const instances: DecodedInstance[] = [];
  for await (const input of walkInputs(paths)) {
    if (!input.ok) {
      const file = String(input.error.params.file);
      errors.push({ code: 'read-failed', file, reason: input.error.reason });
      continue;
    }
    const decoded = await decodeInput(input.value, errors);
    if (decoded) instances.push(decoded);
  }
  return { series: groupSeries(instances), errors };
}
