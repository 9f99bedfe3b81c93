// The slice a viewer shows first, asked for by itself before its series: QIDO-RS for instance
// number 1 (else any instance), then that one instance whole (a few milliseconds), so the first
// image does not wait behind the series request.
import { numberOf, tags, textOf } from './dicomJson.ts';
import type { DicomwebClient, SignalLike } from './http.ts';
import { getDataSets } from './json.ts';
import { seriesPath, storedInstance, type SeriesRef } from './wado.ts';

/** Which instance a viewer shows first, as QIDO-RS names it. */
export interface ViewedInstance {
  readonly sopInstanceUid: string;
  readonly instanceNumber?: number;
}

export interface ViewedSlice extends ViewedInstance {
  /** Part 10 bytes as the PACS stored them. */
  readonly bytes: Uint8Array;
}

/** Instance number 1 of the series, else any of its instances; undefined where it lists none. */
export async function viewedInstance(
  client: DicomwebClient,
  ref: SeriesRef,
  signal?: SignalLike,
): Promise<ViewedInstance | undefined> {
  const path = `${seriesPath(ref)}/instances`;
  const what = `the first slice of series ${ref.seriesInstanceUid}`;
  let found = await getDataSets(client, `${path}?InstanceNumber=1&limit=1`, what, signal);
  if (found.length === 0) found = await getDataSets(client, `${path}?limit=1`, what, signal);
  const sop = found.length > 0 ? textOf(found[0], tags.sopInstanceUid) : '';
  if (!sop) return undefined;
  const instanceNumber = numberOf(found[0], tags.instanceNumber);
  return { sopInstanceUid: sop, ...(instanceNumber !== undefined ? { instanceNumber } : {}) };
}

/** The series' first slice, or undefined where the series lists no instance. */
export async function viewedSlice(
  client: DicomwebClient,
  ref: SeriesRef,
  signal?: SignalLike,
): Promise<ViewedSlice | undefined> {
  const viewed = await viewedInstance(client, ref, signal);
  if (!viewed) return undefined;
  return { ...viewed, bytes: await storedInstance(client, ref, viewed.sopInstanceUid, signal) };
}
