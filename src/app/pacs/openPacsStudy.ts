// Opening a PACS study: every series' metadata (WADO-RS), then each instance's frames in their
// stored syntax, a few at a time, in slice order (the first slice shown comes first), each
// instance handed to the same ingest as a dropped file as Part 10 bytes. A failed instance is
// one line in the error list; the rest of the study keeps loading.
import { numberOf, tags, textOf, type JsonDataSet } from '../../core/dicomweb/dicomJson.ts';
import { allSeries } from '../../core/dicomweb/qido.ts';
import { hasImage, inOrder, instanceUrl, retrieveInstance } from '../../core/dicomweb/retrieve.ts';
import { seriesMetadata, type SeriesRef } from '../../core/dicomweb/wado.ts';
import { problemOf, type Problem } from '../../core/result.ts';
import type { LoadError } from '../../core/dicom/types.ts';
import { loadFiles } from '../actions/loadFiles.ts';
import { useStore } from '../store/store.ts';
import { pacsClient } from './pacsClient.ts';
import type { PacsConfig } from './pacsServers.ts';

export interface PacsProgress {
  readonly fetched: number;
  readonly total: number;
}

const CONCURRENCY = 6;
const CHUNK = 8;

function loadError(problem: Problem, file: string): LoadError {
  return {
    code: 'read-failed',
    file: String(problem.params.file ?? file),
    reason: problem.reason,
    params: { ...problem.params, problem: problem.code },
  };
}

function sliceOrder(a: JsonDataSet, b: JsonDataSet): number {
  return (numberOf(a, tags.instanceNumber) ?? 0) - (numberOf(b, tags.instanceNumber) ?? 0);
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
  const work: { ref: SeriesRef; meta: JsonDataSet }[] = [];
  for (const s of series) {
    const ref = { studyInstanceUid, seriesInstanceUid: s.seriesInstanceUid };
    try {
      const metas = (await seriesMetadata(client, ref)).sort(sliceOrder);
      for (const meta of metas) work.push({ ref, meta });
    } catch (e) {
      store.addErrors([
        loadError(problemOf(e, 'dicomweb-failed'), `${studyName}/series/${s.seriesInstanceUid}`),
      ]);
    }
  }
  if (series.length > 0 && !work.some((w) => hasImage(w.meta))) {
    store.addErrors([
      {
        code: 'no-pixel-data',
        file: studyName,
        reason: `the study ${studyInstanceUid} holds no images`,
      },
    ]);
  }
  let fetched = 0;
  onProgress({ fetched, total: work.length });
  let chunk: { file: string; blob: Blob }[] = [];
  const pending: Promise<void>[] = [];
  const flush = () => {
    if (chunk.length > 0) pending.push(loadFiles(chunk));
    chunk = [];
  };
  const results = inOrder(work, CONCURRENCY, async ({ ref, meta }) => {
    const file = instanceUrl(client, ref, textOf(meta, tags.sopInstanceUid));
    try {
      const bytes = await retrieveInstance(client, ref, meta);
      return { file, blob: new Blob([bytes as Uint8Array<ArrayBuffer>]) };
    } catch (e) {
      return loadError(problemOf(e, 'dicomweb-failed', { file }), file);
    }
  });
  for await (const r of results) {
    fetched++;
    onProgress({ fetched, total: work.length });
    if ('blob' in r) chunk.push(r);
    else store.addErrors([r]);
    // The first slice goes at once, so the viewer shows it while the rest arrive.
    if (fetched === 1 || chunk.length >= CHUNK) flush();
  }
  flush();
  await Promise.all(pending);
}
