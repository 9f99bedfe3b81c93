// Reading DICOM files and folders into ordered, decoded series for the analysis commands.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeFrame } from '../core/dicom/decode.ts';
import { parseInstance } from '../core/dicom/parse.ts';
import { orderInstances } from '../core/dicom/studyIndex.ts';
import type { DecodedFrame, InstanceMeta, LoadError } from '../core/dicom/types.ts';

export interface LoadedSeries {
  seriesInstanceUID: string;
  modality: string;
  /** One entry per slice, in display order (a multi-frame instance gives several). */
  metas: InstanceMeta[];
  frames: DecodedFrame[];
}

async function expand(path: string): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const names = (await readdir(path)).sort();
  return (await Promise.all(names.map((n) => expand(join(path, n))))).flat();
}

function asLoadError(e: unknown, file: string): LoadError {
  const err = e as Partial<LoadError>;
  if (typeof err.code === 'string' && typeof err.reason === 'string') {
    return { code: err.code, file: err.file ?? file, reason: err.reason };
  }
  return { code: 'read-failed', file, reason: `the file cannot be read (${String(e)})` };
}

/** Every readable series under the paths; unreadable files become errors and the rest load. */
export async function loadSeries(
  paths: readonly string[],
): Promise<{ series: LoadedSeries[]; errors: LoadError[] }> {
  const errors: LoadError[] = [];
  const byUid = new Map<string, { meta: InstanceMeta; bytes: Uint8Array }[]>();
  for (const path of paths) {
    let files: string[];
    try {
      files = await expand(path);
    } catch {
      errors.push({ code: 'read-failed', file: path, reason: 'no such file or folder' });
      continue;
    }
    for (const file of files) {
      try {
        const bytes = new Uint8Array(await readFile(file));
        const parsed = parseInstance(bytes, file);
        if (!parsed.ok) {
          errors.push(parsed.error);
          continue;
        }
        const list = byUid.get(parsed.meta.seriesInstanceUID) ?? [];
        list.push({ meta: parsed.meta, bytes });
        byUid.set(parsed.meta.seriesInstanceUID, list);
      } catch (e) {
        errors.push(asLoadError(e, file));
      }
    }
  }
  const series: LoadedSeries[] = [];
  for (const [uid, items] of byUid) {
    const bytesOf = new Map(items.map((it) => [it.meta, it.bytes]));
    const metas: InstanceMeta[] = [];
    const frames: DecodedFrame[] = [];
    for (const meta of orderInstances(items.map((it) => it.meta))) {
      for (let f = 0; f < meta.frames; f++) {
        try {
          frames.push(await decodeFrame(bytesOf.get(meta) as Uint8Array, meta, f));
          metas.push(meta);
        } catch (e) {
          errors.push(asLoadError(e, meta.file));
        }
      }
    }
    if (frames.length > 0) {
      series.push({ seriesInstanceUID: uid, modality: metas[0].modality, metas, frames });
    }
  }
  return { series, errors };
}
