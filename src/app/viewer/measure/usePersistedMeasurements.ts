// Measurements survive a reload: restored from IndexedDB at start, every change written back.
// Without IndexedDB (a private window may refuse it) they last for the session.
import { useEffect } from 'react';
import type { Measurement } from '../../store/measurementsSlice.ts';
import { useStore } from '../../store/store.ts';
import { allMeasurements, saveMeasurements } from '../../persist/db.ts';

/** Puts for new measurements, ids for removed ones (measurements never change once drawn). */
export function measurementChanges(
  before: readonly Measurement[],
  after: readonly Measurement[],
): (Measurement | string)[] {
  const had = new Set(before.map((m) => m.id));
  const has = new Set(after.map((m) => m.id));
  return [
    ...after.filter((m) => !had.has(m.id)),
    ...before.filter((m) => !has.has(m.id)).map((m) => m.id),
  ];
}

export function usePersistedMeasurements(): void {
  useEffect(() => {
    let stop = (): void => {};
    let cancelled = false;
    void allMeasurements()
      .then((saved) => {
        if (cancelled) return;
        useStore.getState().restoreMeasurements(saved);
        let last = useStore.getState().measurements;
        const drawn = measurementChanges(saved, last);
        if (drawn.length > 0) void saveMeasurements(drawn).catch(() => {});
        stop = useStore.subscribe((s) => {
          if (s.measurements === last) return;
          const changes = measurementChanges(last, s.measurements);
          last = s.measurements;
          void saveMeasurements(changes).catch(() => {});
        });
      })
      .catch(() => {});
    return () => {
      cancelled = true;
      stop();
    };
  }, []);
}
