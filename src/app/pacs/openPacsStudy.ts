// Opening a PACS study as fast as the PACS can send it: the slice the viewer shows first is asked
// for by itself (one QIDO for instance 1 of each series, sent beside the study's series list,
// then that one instance; see firstSlices.ts), then each series comes in one
// WADO-RS request, read and cut into instances in a worker (workers/pacsSeries.worker.ts) as it
// arrives, so ingest overlaps the download and the page's main thread only files each instance.
// A series the PACS will not send whole goes instance by instance (metadata, then frames as
// stored), nearest the viewed slice first. Each instance goes to the same ingest as a dropped
// file; a failure is one line in the error list and the rest of the study keeps loading. While
// the study arrives the viewer decodes only what it shows (receiving.ts).
import { numberOf, tags, textOf, type JsonDataSet } from '../../core/dicomweb/dicomJson.ts';
import type { DicomwebClient } from '../../core/dicomweb/http.ts';
import { hasPixelData } from '../../core/dicomweb/part10Meta.ts';
import { allSeries } from '../../core/dicomweb/qido.ts';
import { hasImage, inOrder, instanceUrl, retrieveInstance } from '../../core/dicomweb/retrieve.ts';
import { seriesMetadata, type SeriesRef } from '../../core/dicomweb/wado.ts';
import { problemOf, ProblemError, type Problem } from '../../core/result.ts';
import type { LoadError } from '../../core/dicom/types.ts';
import { bytesFeed } from '../ingest/bytesFeed.ts';
import { oncePerFrame } from '../ingest/oncePerFrame.ts';
import { receiving } from '../ingest/receiving.ts';
import { pacsSeriesWorker } from '../services/workers.ts';
import { useStore } from '../store/store.ts';
import { firstOfEachSeries, shownSlice } from './firstSlices.ts';
import { pacsClient } from './pacsClient.ts';
import type { PacsConfig } from './pacsServers.ts';
import { warmWorkers } from '../services/warmWorkers.ts';

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
 * rest in batches, the store updated a few times a second); the progress bar moves so too.
 */
function ingestFeed(total: number, onProgress: (p: PacsProgress) => void) {
  let fetched = 0;
  let images = 0;
  const bytes = bytesFeed();
  const report = () => onProgress({ fetched, total: Math.max(total, fetched) });
  const progress = oncePerFrame(report, 100); // a few moves a second are enough
  report();
  return {
    /** `image`: whether it holds Pixel Data, where the caller knows it already. */
    add(file: string, data: Uint8Array, image = hasPixelData(data)) {
      fetched++;
      if (image) images++;
      bytes.add(file, data);
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

const cancelled = () => new ProblemError('aborted', 'opening the study was cancelled');

/**
 * The whole series in one request, received in the worker; false where it must go instance by
 * instance (the PACS refused it, or it broke off: the instances in hand are kept).
 */
async function wholeSeries(
  config: PacsConfig,
  ref: SeriesRef,
  have: Set<string>,
  feed: Feed,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  const server = pacsClient(config).server;
  try {
    const answer = await pacsSeriesWorker.call(
      signal,
      'receive',
      server,
      ref,
      [...have],
      (batch) => {
        for (const f of batch) {
          if (f.sopInstanceUid && have.has(f.sopInstanceUid)) continue;
          if (f.sopInstanceUid) have.add(f.sopInstanceUid);
          feed.add(f.file, f.bytes, f.image);
        }
      },
    );
    if (answer.ok) return answer.value > 0;
    if (answer.error.code === 'aborted') throw cancelled();
    return false;
  } catch {
    if (signal?.aborted) throw cancelled();
    // The worker itself failed (it could not start): the page asks instance by instance.
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
  signal: AbortSignal | undefined,
): Promise<boolean> {
  let metas: JsonDataSet[];
  try {
    metas = await seriesMetadata(client, ref, signal);
  } catch (e) {
    if (signal?.aborted) throw cancelled();
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
      return { file, bytes: await retrieveInstance(client, ref, meta, signal) };
    } catch (e) {
      return loadError(problemOf(e, 'dicomweb-failed', { file }), file);
    }
  });
  for await (const r of results) {
    if (signal?.aborted) throw cancelled();
    if ('bytes' in r) feed.add(r.file, r.bytes);
    else feed.failed(r);
  }
  return metas.some(hasImage);
}

export async function openPacsStudy(
  config: PacsConfig,
  studyInstanceUid: string,
  onProgress: (p: PacsProgress) => void,
  signal?: AbortSignal,
): Promise<void> {
  // The series worker starts (loads its script) while the study's first requests are answered.
  void pacsSeriesWorker.call(undefined, 'ready').catch(() => undefined);
  warmWorkers(); // the ingest and decode workers too, if they idled out since the search
  const client = pacsClient(config);
  const store = useStore.getState();
  const studyName = `${config.baseUrl}/studies/${studyInstanceUid}`;
  // The shown slice's QIDO goes beside the series list, not after it (firstSlices.ts).
  const firsts = firstOfEachSeries(client, studyInstanceUid, signal);
  let series;
  try {
    series = await allSeries(client, studyInstanceUid, signal);
  } catch (e) {
    if (!signal?.aborted) store.addErrors([loadError(problemOf(e, 'dicomweb-failed'), studyName)]);
    return;
  }
  const feed = ingestFeed(
    series.reduce((n, s) => n + (s.instanceCount ?? 0), 0),
    onProgress,
  );
  let metadataImages = false;
  // Until the study is in, the viewer decodes only what it shows (see receiving.ts).
  const received = receiving.start();
  try {
    for (const [i, s] of series.entries()) {
      const ref = { studyInstanceUid, seriesInstanceUid: s.seriesInstanceUid };
      const have = new Set<string>();
      let anchor = 1;
      if (i === 0) {
        // The first series is the one shown: its first slice comes before the series request.
        const first = await shownSlice(client, ref, await firsts, signal).catch(() => undefined);
        if (first) {
          have.add(first.sopInstanceUid);
          anchor = first.instanceNumber ?? 1;
          feed.add(instanceUrl(client, ref, first.sopInstanceUid), first.bytes);
          // The viewer asks for its slice before 105 MB start to compete for the cores with it.
          await feed.settled();
          await nextTurn(); // React's render and the viewer's effects take their turn
        }
      }
      if (signal?.aborted) throw cancelled();
      if (await wholeSeries(config, ref, have, feed, signal)) continue;
      if (await instanceByInstance(client, ref, have, anchor, feed, studyName, signal))
        metadataImages = true;
    }
  } catch (e) {
    // Cancel: what came in so far stays loaded; nothing more is asked for.
    if (!signal?.aborted) throw e;
  } finally {
    received();
  }
  await feed.done();
  if (signal?.aborted) return;
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
