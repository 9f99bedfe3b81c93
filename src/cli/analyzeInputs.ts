// The series `consilium analyze` will compute: every input (folders, zips) parsed once here, the
// files' bytes kept as read (not decoded: decoding happens where a series is computed), grouped
// by series with instances in display order.
import { parseInstance } from '../core/dicom/parse.ts';
import { orderInstances } from '../core/dicom/studyIndex.ts';
import type { InstanceMeta } from '../core/dicom/types.ts';
import type { LabelledSeries } from '../core/pipeline/labelsCsv.ts';
import { problemOf, type Problem } from '../core/result.ts';
import { walkInputs } from './io/walkInputs.ts';

export interface SeriesFiles {
  readonly seriesInstanceUid: string;
  readonly instances: { readonly meta: InstanceMeta; readonly bytes: Uint8Array }[];
}

export async function seriesFilesOf(
  paths: readonly string[],
): Promise<{ series: SeriesFiles[]; problems: Problem[] }> {
  const problems: Problem[] = [];
  const byUid = new Map<string, { meta: InstanceMeta; bytes: Uint8Array }[]>();
  for await (const input of walkInputs(paths)) {
    if (!input.ok) {
      problems.push(input.error);
      continue;
    }
    const { file, bytes } = input.value;
    try {
      const parsed = parseInstance(bytes, file);
      if (!parsed.ok) {
        problems.push(problemOf(parsed.error, 'invalid-header', { file }));
        continue;
      }
      const list = byUid.get(parsed.meta.seriesInstanceUID) ?? [];
      list.push({ meta: parsed.meta, bytes });
      byUid.set(parsed.meta.seriesInstanceUID, list);
    } catch (e) {
      // A parser bug costs one file, as in the workbench's ingest.
      problems.push(problemOf(e, 'invalid-header', { file }));
    }
  }
  const series: SeriesFiles[] = [];
  for (const [uid, items] of byUid) {
    const bytesOf = new Map(items.map((it) => [it.meta, it.bytes]));
    const instances = orderInstances(items.map((it) => it.meta)).map((meta) => ({
      meta,
      bytes: bytesOf.get(meta)!,
    }));
    series.push({ seriesInstanceUid: uid, instances });
  }
  return { series, problems };
}

/** What the labels CSV matches a series by. */
export function labelledSeries(series: readonly SeriesFiles[]): LabelledSeries[] {
  return series.map((s) => {
    const meta = s.instances[0].meta;
    return {
      seriesInstanceUid: s.seriesInstanceUid,
      studyInstanceUid: meta.studyInstanceUID,
      accessionNumber: meta.accessionNumber,
      patientId: meta.patientID,
    };
  });
}
