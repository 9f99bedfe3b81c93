// The slice the viewer shows first, found without waiting for the study's series list: one
// study-level QIDO-RS for instance number 1 of every series, sent beside the series list, so the
// first image costs the series list's round trip and the instance's, not a third one between
// them (the series-level QIDO of core/dicomweb/viewedSlice.ts). Where it does not name the shown
// series (a PACS that ignores the match, a series without an instance 1), viewedSlice asks.
import { numberOf, tags, textOf } from '../../core/dicomweb/dicomJson.ts';
import type { DicomwebClient } from '../../core/dicomweb/http.ts';
import { getDataSets } from '../../core/dicomweb/json.ts';
import {
  viewedSlice,
  type ViewedInstance,
  type ViewedSlice,
} from '../../core/dicomweb/viewedSlice.ts';
import { storedInstance, type SeriesRef } from '../../core/dicomweb/wado.ts';

/** More series than a study holds; bounds the answer of a PACS that ignores the match. */
const LIMIT = 1000;

/** Instance number 1 of each series of the study, by series UID; empty where the query fails. */
export async function firstOfEachSeries(
  client: DicomwebClient,
  studyInstanceUid: string,
  signal?: AbortSignal,
): Promise<Map<string, ViewedInstance>> {
  const out = new Map<string, ViewedInstance>();
  const path =
    `/studies/${encodeURIComponent(studyInstanceUid)}/instances` +
    `?InstanceNumber=1&includefield=${tags.seriesInstanceUid}&limit=${LIMIT}`;
  const found = await getDataSets(client, path, 'the first slice of each series', signal).catch(
    () => [],
  );
  for (const d of found) {
    const series = textOf(d, tags.seriesInstanceUid);
    const sop = textOf(d, tags.sopInstanceUid);
    // Only an answer that honoured the match: another instance is not the one shown first.
    if (!series || !sop || numberOf(d, tags.instanceNumber) !== 1 || out.has(series)) continue;
    out.set(series, { sopInstanceUid: sop, instanceNumber: 1 });
  }
  return out;
}

/** The series' first slice: by the study-level answer where it names it, else as viewedSlice. */
export async function shownSlice(
  client: DicomwebClient,
  ref: SeriesRef,
  firsts: Map<string, ViewedInstance>,
  signal?: AbortSignal,
): Promise<ViewedSlice | undefined> {
  const known = firsts.get(ref.seriesInstanceUid);
  if (!known) return viewedSlice(client, ref, signal);
  return { ...known, bytes: await storedInstance(client, ref, known.sopInstanceUid, signal) };
}
