// Measurements drawn on images (length, angle, ROI statistics, probes), kept with the study:
// each names its image by SOP Instance UID and frame, so it finds its pixels again after a
// reload and a re-open of the same files. The numbers are computed once, when it is drawn.
import type { StateCreator } from 'zustand';
import type { MeasureKind, MeasureResult, Point } from '../../core/measure/types.ts';
import type { AppState } from './store.ts';

export interface Measurement {
  readonly id: string;
  readonly kind: MeasureKind;
  readonly studyUID: string;
  readonly seriesUID: string;
  readonly sopInstanceUID: string;
  readonly sopClassUID: string;
  readonly frame: number;
  /** Image coordinates (x right, y down, pixel centres at +0.5). */
  readonly points: readonly Point[];
  readonly result: MeasureResult;
  readonly createdAt: string;
}

export interface MeasurementsSlice {
  measurements: readonly Measurement[];
  /** A locked measuring tool stays on after each measurement; unlocked it returns to W/L. */
  measureLocked: boolean;
  addMeasurement: (m: Measurement) => void;
  removeMeasurement: (id: string) => void;
  /** Adds measurements restored from storage (ones already here win). */
  restoreMeasurements: (saved: readonly Measurement[]) => void;
  setMeasureLocked: (locked: boolean) => void;
}

export const createMeasurementsSlice: StateCreator<AppState, [], [], MeasurementsSlice> = (
  set,
) => ({
  measurements: [],
  measureLocked: false,
  addMeasurement: (m) => set((s) => ({ measurements: [...s.measurements, m] })),
  removeMeasurement: (id) =>
    set((s) => ({ measurements: s.measurements.filter((m) => m.id !== id) })),
  restoreMeasurements: (saved) =>
    set((s) => {
      const have = new Set(s.measurements.map((m) => m.id));
      // Storage returns them by id; readers (and the SR) list them in the order drawn.
      const restored = saved
        .filter((m) => !have.has(m.id))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      return { measurements: [...restored, ...s.measurements] };
    }),
  setMeasureLocked: (measureLocked) => set({ measureLocked }),
});
