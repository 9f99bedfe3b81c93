// The Analysis tab survives a reload: its ROIs, results and settings (and which results the
// last run showed) are restored from IndexedDB at start and every change written back. ROIs and
// results name their series by UID, so they re-attach when the files are opened again. Without
// IndexedDB (a private window may refuse it) they last for the session.
import { useEffect } from 'react';
import type { AnalysisResult, Roi } from '../analysis/types.ts';
import { useStore, type AppState } from '../store/store.ts';
import { allResults, allRois, getPref, putPref, saveAnalysis } from './db.ts';

/** ROIs added or changed (the slice replaces a changed ROI's object), and removed ROIs' ids. */
export function roiChanges(before: readonly Roi[], after: readonly Roi[]): (Roi | string)[] {
  const old = new Map(before.map((r) => [r.id, r]));
  const now = new Set(after.map((r) => r.id));
  const out: (Roi | string)[] = after.filter((r) => old.get(r.id) !== r);
  for (const r of before) if (!now.has(r.id)) out.push(r.id);
  return out;
}

/** Results new or replaced since before (results are never removed, only overwritten). */
export function resultChanges(
  before: Readonly<Record<string, AnalysisResult>>,
  after: Readonly<Record<string, AnalysisResult>>,
): AnalysisResult[] {
  return Object.values(after).filter((r) => before[r.key] !== r);
}

// Drawing a ROI changes it on every mouse move: write at most every 300 ms.
const WRITE_MS = 300;

export function usePersistedAnalysis(): void {
  useEffect(() => {
    let stop = (): void => {};
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let flushNow = (): void => {};
    void Promise.all([allRois(), allResults(), getPref('analysisSettings'), getPref('shownKeys')])
      .then(([rois, results, settings, shownKeys]) => {
        if (cancelled) return;
        useStore.getState().restoreAnalysis({ rois, results, settings, shownKeys });
        let last: Pick<AppState, 'rois' | 'results' | 'settings' | 'shownKeys'> = {
          rois,
          results: Object.fromEntries(results.map((r) => [r.key, r])),
          settings: settings ?? useStore.getState().settings,
          shownKeys: shownKeys ?? [],
        };
        const flush = () => {
          timer = undefined;
          const s = useStore.getState();
          const rc = roiChanges(last.rois, s.rois);
          const xc = resultChanges(last.results, s.results);
          if (rc.length > 0 || xc.length > 0) void saveAnalysis(rc, xc).catch(() => {});
          if (s.settings !== last.settings) void putPref('analysisSettings', s.settings);
          if (s.shownKeys !== last.shownKeys) void putPref('shownKeys', s.shownKeys);
          last = s;
        };
        flush(); // what was made before the restore finished
        flushNow = () => {
          if (timer === undefined) return;
          clearTimeout(timer);
          flush();
        };
        // A reload within the write delay still keeps the last change.
        window.addEventListener('pagehide', flushNow);
        stop = useStore.subscribe((s) => {
          if (
            timer === undefined &&
            (s.rois !== last.rois ||
              s.results !== last.results ||
              s.settings !== last.settings ||
              s.shownKeys !== last.shownKeys)
          )
            timer = setTimeout(flush, WRITE_MS);
        });
      })
      .catch(() => {});
    return () => {
      cancelled = true;
      window.removeEventListener('pagehide', flushNow);
      flushNow();
      stop();
    };
  }, []);
}
