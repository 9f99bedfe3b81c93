// The Filters section's own state: the form, the overlay's look, what the shown response is and
// where the current job stands. Small values only: the response map itself is in responseMap.ts.
import { create } from 'zustand';
import type { Problem } from '../../../core/result.ts';
import type { FilteredFeaturesReply } from '../../../workers/filterJob.ts';
import { initialForm, type FilterForm } from './filterForm.ts';

/** The response now in memory: its series, filter and range (its values in responseMap.ts). */
export interface ResponseInfo {
  /** Bumped for every new map, so the overlay repaints. */
  id: number;
  seriesUID: string;
  filter: string;
  dims: [number, number, number];
  min: number;
  max: number;
  /** The 1st and 99th percentiles: the window until the user sets one. */
  low: number;
  high: number;
}

export interface OverlaySettings {
  shown: boolean;
  opacity: number;
  /** The overlay's own window in response units; null: the response's 1st–99th percentiles. */
  window: [number, number] | null;
  /** null: over every viewport showing the series; a viewport: there only, beside the image
   * in the other viewport, the two scrolled together. */
  viewport: number | null;
}

export interface FilterJobState {
  kind: 'response' | 'features' | null;
  status: 'idle' | 'running' | 'done' | 'failed' | 'cancelled';
  /** Share of the current step done, 0–1. */
  done: number;
  step: 'read' | 'filter' | 'features';
  problem: Problem | null;
}

/** The last filtered features, for the section's own list (they are in the results too). */
export interface FilteredResultInfo {
  key: string;
  roiName: string;
  features: FilteredFeaturesReply['features'];
}

interface FilterState {
  form: FilterForm;
  /** Besides intensity statistics, the families ticked in the feature parameters. */
  withChosenFamilies: boolean;
  overlay: OverlaySettings;
  response: ResponseInfo | null;
  job: FilterJobState;
  lastFeatures: FilteredResultInfo[];
  setForm: (patch: Partial<FilterForm>) => void;
  setParameter: (key: string, value: string) => void;
  setWithChosenFamilies: (v: boolean) => void;
  setOverlay: (patch: Partial<OverlaySettings>) => void;
  setResponse: (r: ResponseInfo | null) => void;
  setJob: (patch: Partial<FilterJobState>) => void;
  setLastFeatures: (r: FilteredResultInfo[]) => void;
}

export const useFilters = create<FilterState>()((set) => ({
  form: initialForm(),
  withChosenFamilies: false,
  overlay: { shown: true, opacity: 0.6, window: null, viewport: null },
  response: null,
  job: { kind: null, status: 'idle', done: 0, step: 'read', problem: null },
  lastFeatures: [],
  setForm: (patch) => set((s) => ({ form: { ...s.form, ...patch } })),
  setParameter: (key, value) =>
    set((s) => ({
      form: {
        ...s.form,
        own: { ...s.form.own, [s.form.filter]: { ...s.form.own[s.form.filter], [key]: value } },
      },
    })),
  setWithChosenFamilies: (withChosenFamilies) => set({ withChosenFamilies }),
  setOverlay: (patch) => set((s) => ({ overlay: { ...s.overlay, ...patch } })),
  setResponse: (response) => set({ response }),
  setJob: (patch) => set((s) => ({ job: { ...s.job, ...patch } })),
  setLastFeatures: (lastFeatures) => set({ lastFeatures }),
}));
