// Predictions survive a reload: restored from IndexedDB at start (keyed by SOP Instance UID,
// frame and model hash, so they re-attach to their images when the files are opened again) and
// every change written back. The loaded series are recorded too, so the Cases tab can ask for
// the files of a previous session by name. Without IndexedDB they last for the session.
import { useEffect } from 'react';
import type { StoredPrediction } from '../store/predictionsSlice.ts';
import { useStore } from '../store/store.ts';
import { allPredictions, savePredictions, saveSessionSeries, type SessionSeries } from './db.ts';

/** What changed: new or changed predictions, and the ids of removed ones. */
export function predictionChanges(
  before: Readonly<Record<string, StoredPrediction>>,
  after: Readonly<Record<string, StoredPrediction>>,
): (StoredPrediction | string)[] {
  const out: (StoredPrediction | string)[] = [];
  for (const [id, p] of Object.entries(after)) if (before[id] !== p) out.push(p);
  for (const id of Object.keys(before)) if (!(id in after)) out.push(id);
  return out;
}

function loadedSeries(): SessionSeries[] {
  const { seriesByUid } = useStore.getState();
  return Object.values(seriesByUid).map((s) => ({
    seriesUid: s.seriesInstanceUID,
    title: s.seriesDescription || s.instances[0]?.file || s.seriesInstanceUID,
    files: s.instances.map((i) => i.file),
  }));
}

export function usePersistedPredictions(): void {
  useEffect(() => {
    let stop = (): void => {};
    let cancelled = false;
    void allPredictions()
      .then((saved) => {
        if (cancelled) return;
        const now = useStore.getState().predictions;
        const restore = saved.filter((p) => !(p.id in now));
        if (restore.length > 0) useStore.getState().putPredictions(restore);
        const savedById = Object.fromEntries(saved.map((p) => [p.id, p]));
        let last = useStore.getState().predictions;
        const fresh = predictionChanges(savedById, last).filter((c) => typeof c !== 'string');
        if (fresh.length > 0) void savePredictions(fresh).catch(() => {});
        let lastSeries = useStore.getState().seriesByUid;
        if (Object.keys(lastSeries).length > 0)
          void saveSessionSeries(loadedSeries()).catch(() => {});
        stop = useStore.subscribe((s) => {
          if (s.predictions !== last) {
            const changes = predictionChanges(last, s.predictions);
            last = s.predictions;
            void savePredictions(changes).catch(() => {});
          }
          if (s.seriesByUid !== lastSeries) {
            lastSeries = s.seriesByUid;
            void saveSessionSeries(loadedSeries()).catch(() => {});
          }
        });
      })
      .catch(() => {});
    return () => {
      cancelled = true;
      stop();
    };
  }, []);
}
