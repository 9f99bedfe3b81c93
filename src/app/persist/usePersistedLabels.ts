// Ground-truth labels survive a reload: restored from IndexedDB at start, and every change in
// the store written back. Without IndexedDB (a private window may refuse it) they last for the
// session, as before.
import { useEffect } from 'react';
import { useStore } from '../store/store.ts';
import { allLabels, saveLabels } from './db.ts';

/** What changed from before to after: new or changed labels, and null for removed ones. */
export function labelChanges(
  before: Record<string, string>,
  after: Record<string, string>,
): Record<string, string | null> {
  const changes: Record<string, string | null> = {};
  for (const [uid, label] of Object.entries(after)) if (before[uid] !== label) changes[uid] = label;
  for (const uid of Object.keys(before)) if (!(uid in after)) changes[uid] = null;
  return changes;
}

export function usePersistedLabels(): void {
  useEffect(() => {
    let stop = (): void => {};
    let cancelled = false;
    void allLabels()
      .then((saved) => {
        if (cancelled) return;
        // Labels typed before the restore finished win over saved ones.
        const now = useStore.getState().labels;
        const restore = Object.fromEntries(Object.entries(saved).filter(([uid]) => !(uid in now)));
        if (Object.keys(restore).length > 0) useStore.getState().mergeLabels(restore);
        let last = useStore.getState().labels;
        const typed = labelChanges(saved, last);
        if (Object.keys(typed).length > 0) void saveLabels(typed).catch(() => {});
        stop = useStore.subscribe((s) => {
          if (s.labels === last) return;
          const changes = labelChanges(last, s.labels);
          last = s.labels;
          void saveLabels(changes).catch(() => {});
        });
      })
      .catch(() => {});
    return () => {
      cancelled = true;
      stop();
    };
  }, []);
}
