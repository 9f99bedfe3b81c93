// Loading is a batch job: files go to the ingest workers in batches, each answer updates the
// store once (so 1,000 files are ~30 renders, not 1,000), and a bad file only adds an error line.
import { inBatches } from '../../core/ingest/batches.ts';
import { runLimited } from '../../core/ingest/runLimited.ts';
import type { IngestSource } from '../../workers/ingest.worker.ts';
import { rememberSource } from '../ingest/sources.ts';
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
  const store = useStore.getState();
  store.addToTotal(sources.length);
  for (const s of sources) rememberSource(s.file, s.blob);
  // Two batches per worker in flight: workers stay busy, and posting the File handles
  // (about 0.3 ms each) is spread out instead of freezing the page for a big drop.
  await runLimited(inBatches(sources, BATCH_FILES), ingestPool.size * 2, async (batch) => {
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
  });
}
