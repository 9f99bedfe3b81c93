// Ground truth per series, entered by hand or from a CSV. Keys are local series UIDs; on export
// the worker attaches each label to its pseudonymised result, so no identifier travels with it.
import type { StateCreator } from 'zustand';
import type { AppState } from './store.ts';

export interface LabelsSlice {
  labels: Record<string, string>;
  setLabel: (seriesUid: string, label: string) => void;
  mergeLabels: (labels: Record<string, string>) => void;
}

export const createLabelsSlice: StateCreator<AppState, [], [], LabelsSlice> = (set) => ({
  labels: {},
  setLabel: (seriesUid, label) =>
    set((s) => {
      const labels = { ...s.labels };
      if (label.trim()) labels[seriesUid] = label.trim();
      else delete labels[seriesUid];
      return { labels };
    }),
  mergeLabels: (more) => set((s) => ({ labels: { ...s.labels, ...more } })),
});
