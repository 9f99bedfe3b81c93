// Opening a PACS study as fast as the PACS can send it: the slice the viewer shows first is asked
// for by itself (QIDO for instance 1, then that one instance), then each series comes in one
// WADO-RS request read as it arrives (core/dicomweb/multipartStream.ts), so ingest overlaps the
// download. A series the PACS will not send whole goes instance by instance (metadata, then
// frames as stored), nearest the viewed slice first. Each instance goes to the same ingest as a
// dropped file; a failure is one line in the error list and the rest of the study keeps loading.
import { numberOf, tags, textOf, type JsonDataSet } from '../../core/dicomweb/dicomJson.ts';
import type { DicomwebClient } from '../../core/dicomweb/http.ts';
import { hasPixelData } from '../../core/dicomweb/part10Meta.ts';
import { allSeries } from '../../core/dicomweb/qido.ts';
import { hasImage, inOrder, instanceUrl, retrieveInstance } from '../../core/dicomweb/retrieve.ts';
import { viewedSlice } from '../../core/dicomweb/viewedSlice.ts';
import { seriesMetadata, streamedSeries, type SeriesRef } from '../../core/dicomweb/wado.ts';
import { problemOf, ProblemError, type Problem } from '../../core/result.ts';
import type { LoadError } from '../../core/dicom/types.ts';
import { bytesFeed } from '../ingest/bytesFeed.ts';
import { oncePerFrame } from '../ingest/oncePerFrame.ts';
import { useStore } from '../store/store.ts';
import { pacsClient } from './pacsClient.ts';
import type { PacsConfig } from './pacsServers.ts';

export interface PacsProgress {
  readonly fetched: number;
  readonly total: number;
}

const CONCURRENCY = 6;

function loadError(problem: Problem, file: string): LoadError {
  return {
    code: 'read-failed',
    file: String(problem.params.file ?? file),
    reason: problem.reason,
    params: { ...problem.params, problem: problem.code },
  };
}

/**
 * Hands fetched instances to the ingest (src/app/ingest/bytesFeed.ts: the first at once, the
 * rest in batches, the store updated once a frame); the progress bar moves once a frame too.
 */
function ingestFeed(total: number, onProgress: (p: PacsProgress) => void) {
  let fetched = 0;
  let images = 0;
  const bytes = bytesFeed();
  const report = () => onProgress({ fetched, total: Math.max(total, fetched) });
  const progress = oncePerFrame(report);
  report();
  return {
    /** `pieces`: one array, or a streamed part's pieces (joined once, in the feed). */
    add(file: string, pieces: Uint8Array | readonly Uint8Array[]) {
      fetched++;
      if (hasPixelData(pieces)) images++;
      bytes.add(file, pieces);
      progress();
    },
    failed(error: LoadError) {
      fetched++;
      useStore.getState().addErrors([error]);
      progress();
    },
    get images() {
      return images;
    },
    /** The instances added so far are indexed (the viewer has what it shows first). */
    settled: () => bytes.settled(),
    async done() {
      total = fetched;
      report();
      await bytes.done();
    },
  };
}

type Feed = ReturnType<typeof ingestFeed>;

const turns = new MessageChannel();
const waiting: (() => void)[] = [];
turns.port1.onmessage = () => waiting.shift()?.();

/**
 * One turn of the page's event loop. A body that arrives faster than it is read resolves each
 * read at once (a microtask), so without this the loop over a 105 MB series held the main
 * thread until it was all in: no paint and no ingest worker's reply, the first image shown
 * after the whole series. A MessageChannel turn, not setTimeout(0), which is clamped to 4 ms.
 */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    turns.port2.postMessage(null);
  });
}

/** Gives the event loop a turn once `sliceMs` of work has passed since the last one. */
function timeSlicer(sliceMs = 8): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await nextTurn();
    since = performance.now();
  };
}

/** The whole series in one request, as it arrives; false where it must go instance by instance. */
async function wholeSeries(
  client: DicomwebClient,
  ref: SeriesRef,
  have: Set<string>,
  feed: Feed,
): Promise<boolean> {
  let parts = 0;
  const slice = timeSlicer();
  try {
    for await (const f of streamedSeries(client, ref)) {
      parts++;
      if (f.sopInstanceUid && have.has(f.sopInstanceUid)) continue;
      if (f.sopInstanceUid) have.add(f.sopInstanceUid);
      feed.add(f.file, f.pieces);
      await slice();
    }
    return parts > 0;
  } catch (e) {
    if (e instanceof ProblemError && e.code === 'aborted') throw e;
    return false;
  }
}

/** The instances not yet in hand, each by its metadata and frames, nearest `anchor` first. */
async function instanceByInstance(
  client: DicomwebClient,
  ref: SeriesRef,
  have: Set<string>,
  anchor: number,
  feed: Feed,
  studyName: string,
): Promise<boolean> {
  let metas: JsonDataSet[];
  try {
    metas = await seriesMetadata(client, ref);
  } catch (e) {
    feed.failed(
      loadError(problemOf(e, 'dicomweb-failed'), `${studyName}/series/${ref.seriesInstanceUid}`),
    );
    return false;
  }
  const distance = (m: JsonDataSet) => Math.abs((numberOf(m, tags.instanceNumber) ?? 0) - anchor);
  const rest = metas
    .filter((m) => !have.has(textOf(m, tags.sopInstanceUid)))
    .sort((a, b) => distance(a) - distance(b));
  const results = inOrder(rest, CONCURRENCY, async (meta) => {
    const file = instanceUrl(client, ref, textOf(meta, tags.sopInstanceUid));
    try {
      return { file, bytes: await retrieveInstance(client, ref, meta) };
    } catch (e) {
      return loadError(problemOf(e, 'dicomweb-failed', { file }), file);
    }
  });
  for await (const r of results) {
    if ('bytes' in r) feed.add(r.file, r.bytes);
    else feed.failed(r);
  }
  return metas.some(hasImage);
}

export async function openPacsStudy(
  config: PacsConfig,
  studyInstanceUid: string,
  onProgress: (p: PacsProgress) => void,
): Promise<void> {
  const client = pacsClient(config);
  const store = useStore.getState();
  const studyName = `${config.baseUrl}/studies/${studyInstanceUid}`;
  let series;
  try {
    series = await allSeries(client, studyInstanceUid);
  } catch (e) {
    store.addErrors([loadError(problemOf(e, 'dicomweb-failed'), studyName)]);
    return;
  }
  const feed = ingestFeed(
    series.reduce((n, s) => n + (s.instanceCount ?? 0), 0),
    onProgress,
  );
  let metadataImages = false;
  for (const [i, s] of series.entries()) {
    const ref = { studyInstanceUid, seriesInstanceUid: s.seriesInstanceUid };
    const have = new Set<string>();
    let anchor = 1;
    if (i === 0) {
      // The first series is the one shown: its first slice comes before the series request.
      const first = await viewedSlice(client, ref).catch(() => undefined);
      if (first) {
        have.add(first.sopInstanceUid);
        anchor = first.instanceNumber ?? 1;
        feed.add(instanceUrl(client, ref, first.sopInstanceUid), first.bytes);
        // The viewer asks for its slice before 105 MB start to compete for the cores with it.
        await feed.settled();
        await nextTurn(); // React's render and the viewer's effects take their turn
      }
    }
    if (await wholeSeries(client, ref, have, feed)) continue;
    if (await instanceByInstance(client, ref, have, anchor, feed, studyName)) metadataImages = true;
  }
  await feed.done();
  if (series.length > 0 && feed.images === 0 && !metadataImages) {
    store.addErrors([
      {
        code: 'no-pixel-data',
        file: studyName,
        reason: `the study ${studyInstanceUid} holds no images`,
      },
    ]);
  }
}
