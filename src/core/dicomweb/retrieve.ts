// A study or series from the PACS as Part 10 files, in order, with a few requests in flight so
// the network and the decoder overlap. Each instance that fails is one failed Result naming it
// (a 500 on a frame, a timeout), and the rest of the study keeps coming.
import { fail, ok, problemOf, ProblemError, type Result } from '../result.ts';
import { numberOf, tags, textOf, type JsonDataSet } from './dicomJson.ts';
import type { DicomwebClient, SignalLike } from './http.ts';
import { resolveDataSet, instanceFile } from './part10.ts';
import { hasPixelData } from './part10Meta.ts';
import { allSeries } from './qido.ts';
import {
  bulkData,
  instanceFrames,
  seriesMetadata,
  seriesPath,
  storedInstance,
  streamedSeries,
  type SeriesRef,
} from './wado.ts';

export interface RetrievedFile {
  /** The instance's WADO-RS URL: what messages and records name it by. */
  readonly file: string;
  readonly bytes: Uint8Array;
}

export function instanceUrl(
  client: DicomwebClient,
  ref: SeriesRef,
  sopInstanceUid: string,
): string {
  return `${client.server.baseUrl}${seriesPath(ref)}/instances/${sopInstanceUid}`;
}

/** Whether the metadata describes an image (Rows present): others have no frames to fetch. */
export function hasImage(meta: JsonDataSet): boolean {
  return numberOf(meta, tags.rows) !== undefined;
}

/** One instance as Part 10 bytes: its frames (all, in one request) and bulk data fetched. */
export async function retrieveInstance(
  client: DicomwebClient,
  ref: SeriesRef,
  meta: JsonDataSet,
  signal?: SignalLike,
): Promise<Uint8Array> {
  const sop = textOf(meta, tags.sopInstanceUid);
  if (!sop)
    throw new ProblemError(
      'dicomweb-bad-response',
      'an instance in the metadata has no SOP Instance UID',
      {},
    );
  // Orthanc's metadata leaves out the palette descriptors (US or SS): the image needs them.
  if (textOf(meta, '00280004') === 'PALETTE COLOR' && !meta['00281101'])
    return storedInstance(client, ref, sop, signal);
  const dataSet = await resolveDataSet(meta, (uri) => bulkData(client, uri, signal));
  const count = hasImage(meta) ? Math.max(1, numberOf(meta, tags.numberOfFrames) ?? 1) : 0;
  if (count === 0) return instanceFile(meta, dataSet, undefined);
  const numbers = Array.from({ length: count }, (_, i) => i + 1);
  try {
    return instanceFile(meta, dataSet, await instanceFrames(client, ref, sop, numbers, signal));
  } catch (e) {
    // A PACS that cannot cut this image into frames (Orthanc: 400 or 500 for big endian,
    // retired JPEG processes, YBR_FULL_422) may still send it whole; if that fails too, the
    // frame's error is the one to show.
    const status = e instanceof ProblemError ? e.params.status : undefined;
    if (typeof status !== 'number' || status === 401 || status === 403 || status === 404) throw e;
    try {
      return await storedInstance(client, ref, sop, signal);
    } catch {
      throw e;
    }
  }
}

/** Runs `fn` over `items` with up to `limit` in flight, yielding results in item order. */
export async function* inOrder<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): AsyncGenerator<R> {
  const pending: Promise<R>[] = [];
  let next = 0;
  while (next < items.length && pending.length < limit) pending.push(fn(items[next++]));
  while (pending.length > 0) {
    const head = pending.shift() as Promise<R>;
    if (next < items.length) pending.push(fn(items[next++]));
    yield await head;
  }
}

export interface RetrieveOptions {
  /** Only this series of the study. */
  readonly seriesInstanceUid?: string;
  readonly concurrency?: number;
  readonly signal?: SignalLike;
  /**
   * Each series in one request (WADO-RS RetrieveSeries, stored syntax) where the PACS gives it:
   * the fastest way to a whole series; a series it refuses is read instance by instance.
   */
  readonly bulk?: boolean;
}

/**
 * Every instance of a study as a Result: its file, or the Problem naming it. A study whose
 * series hold no image at all gives one `dicomweb-no-images` Problem at the end.
 */
export async function* retrieveStudy(
  client: DicomwebClient,
  studyInstanceUid: string,
  options: RetrieveOptions = {},
): AsyncGenerator<Result<RetrievedFile>> {
  const studyName = `${client.server.baseUrl}/studies/${studyInstanceUid}`;
  let seriesUids: string[];
  try {
    seriesUids = options.seriesInstanceUid
      ? [options.seriesInstanceUid]
      : (await allSeries(client, studyInstanceUid, options.signal)).map((s) => s.seriesInstanceUid);
  } catch (e) {
    yield { ok: false, error: problemOf(e, 'dicomweb-failed', { file: studyName }) };
    return;
  }
  let images = 0;
  for (const seriesInstanceUid of seriesUids) {
    const ref = { studyInstanceUid, seriesInstanceUid };
    // Instances already handed on: a stream broken half way goes on instance by instance.
    const received = new Set<string>();
    if (options.bulk) {
      let complete = false;
      let parts = 0;
      try {
        for await (const f of streamedSeries(client, ref, options.signal)) {
          parts++;
          if (hasPixelData(f.bytes)) images++;
          if (f.sopInstanceUid) received.add(f.sopInstanceUid);
          yield ok({ file: f.file, bytes: f.bytes });
        }
        complete = true;
      } catch (e) {
        // Cancelled means stop; anything else (a PACS that refuses the series request, a
        // broken transfer) falls back to the instances not yet in hand.
        if (e instanceof ProblemError && e.code === 'aborted') throw e;
      }
      if (complete && parts > 0) continue;
    }
    let metas: JsonDataSet[];
    try {
      metas = await seriesMetadata(client, ref, options.signal);
    } catch (e) {
      yield {
        ok: false,
        error: problemOf(e, 'dicomweb-failed', {
          file: `${studyName}/series/${seriesInstanceUid}`,
        }),
      };
      continue;
    }
    const rest = metas.filter((m) => !received.has(textOf(m, tags.sopInstanceUid)));
    images += rest.filter(hasImage).length;
    const files = inOrder(
      rest,
      options.concurrency ?? 4,
      async (meta): Promise<Result<RetrievedFile>> => {
        const file = instanceUrl(client, ref, textOf(meta, tags.sopInstanceUid));
        try {
          return ok({ file, bytes: await retrieveInstance(client, ref, meta, options.signal) });
        } catch (e) {
          return { ok: false, error: problemOf(e, 'dicomweb-failed', { file }) };
        }
      },
    );
    for await (const r of files) yield r;
  }
  if (images === 0)
    yield fail('dicomweb-no-images', `the study ${studyInstanceUid} holds no images`, {
      file: studyName,
    });
}
