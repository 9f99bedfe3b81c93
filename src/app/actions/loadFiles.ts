// Loading is a batch job: files go to the ingest workers in batches, each answer updates the
// store once (so 1,000 files are ~30 renders, not 1,000), and a bad file only adds an error line.
// The first image is not held back by the batch: the first file by name (slice 1 of a numbered
// export, usually the slice the viewer opens at) is parsed alone and shown, the decode worker
// starting beside it, and the rest are indexed after. Until all are in, the viewer decodes only
// what it shows (receiving.ts): a preload restarted by every batch took the cores the parse needed.
import { inBatches } from '../../core/ingest/batches.ts';
import { runLimited } from '../../core/ingest/runLimited.ts';
import type { IngestSource } from '../../workers/ingest.worker.ts';
import { parseOrder } from '../ingest/parseOrder.ts';
import { receiving } from '../ingest/receiving.ts';
import { rememberSource } from '../ingest/sources.ts';
import { warmDecoder } from '../services/warmWorkers.ts';
import { ingestPool } from '../services/workers.ts';
import { useStore } from '../store/store.ts';

const BATCH_FILES = 32;

/** Shows the first series when no series is shown yet (the first files of a load). */
export function showFirstSeries(): void {
  const s = useStore.getState();
  if (s.viewports[s.active].seriesUID !== null) return;
  const first = s.patients[0]?.studies[0]?.series[0];
  if (first) s.showSeries(first.seriesInstanceUID);
}

export async function loadFiles(sources: IngestSource[]): Promise<void> {
  if (sources.length === 0) return;
  warmDecoder(); // the decode worker starts while the first header is parsed, not after
  const received = receiving.start();
  try {
    const store = useStore.getState();
    store.addToTotal(sources.length);
    for (const s of sources) rememberSource(s.file, s.blob);
    const [head, ...rest] = parseOrder(sources);
    await parseBatch([head]);
    // Two batches per worker in flight: workers stay busy, and posting the File handles
    // (about 0.3 ms each) is spread out instead of freezing the page for a big drop.
    await runLimited(inBatches(rest, BATCH_FILES), ingestPool.size * 2, parseBatch);
  } finally {
    received();
  }
}

async function parseBatch(batch: IngestSource[]): Promise<void> {
  const store = useStore.getState();
  try {
    const r = await ingestPool.call(undefined, 'parseFiles', batch);
    if (!r.ok) throw new Error(r.error.reason);
    const parsed = r.value;
    for (const x of parsed.extracted) rememberSource(x.file, x.blob);
    store.addInstances(parsed.metas);
    store.addMaskFiles(parsed.masks);
    store.addErrors(parsed.errors);
  } catch (e) {
    // The worker itself died (out of memory?) or failed the batch: every file gets its line.
    const reason = `could not be read (${e instanceof Error ? e.message : String(e)})`;
    store.addErrors(batch.map((s) => ({ code: 'read-failed' as const, file: s.file, reason })));
  }
  store.markRead(batch.length);
  showFirstSeries();
}
