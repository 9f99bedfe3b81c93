import type { StateCreator } from 'zustand';
import { defaultBinCount, defaultBinWidth, defaultParams } from '../../core/analysis/params.ts';
import { defaultFamilies } from '../../core/analysis/registry.ts';
import type { RoiShape } from '../../core/analysis/roi/shapes.ts';
import type {
  AnalysisResult,
  AnalysisSettings,
  EdgeSettings,
  Roi,
  RoiChoice,
  RoiTool,
  RunScope,
  RunState,
} from '../analysis/types.ts';
import type { ComputedOn, ComputeOn } from '../../core/analysis/gpu/gpuChoice.ts';
import type { AppState } from './store.ts';

export interface AnalysisSlice {
  roiTool: RoiTool | null;
  rois: Roi[];
  selectedRoi: string | null;
  settings: AnalysisSettings;
  scope: RunScope;
  roiChoice: RoiChoice;
  edges: EdgeSettings;
  /** Results by key (instance or series, ROI and parameter hash). */
  results: Record<string, AnalysisResult>;
  /** Keys of the last run's results, in slice order: what the table and plots show. */
  shownKeys: string[];
  run: RunState;
  /** Where analysis jobs compute (Auto: a hardware GPU when there is one), and where the
   * latest job did. */
  computeOn: ComputeOn;
  computedOn: ComputedOn | null;
  setComputeOn: (choice: ComputeOn) => void;
  setComputedOn: (on: ComputedOn) => void;
  setRoiTool: (tool: RoiTool | null) => void;
  addRoi: (seriesUID: string, position: string, shape: RoiShape) => string;
  /** A structure of a mask file as a ROI of the series (selected and chosen for the run). */
  addMaskRoi: (
    seriesUID: string,
    name: string,
    shapes: Record<string, RoiShape>,
    source: string,
  ) => string;
  setRoiShape: (roiId: string, position: string, shape: RoiShape | null) => void;
  copyRoiToSlices: (roiId: string, from: string, positions: string[]) => void;
  deleteRoi: (roiId: string) => void;
  setRoiHidden: (roiId: string, hidden: boolean) => void;
  selectRoi: (roiId: string | null) => void;
  setSettings: (change: Partial<AnalysisSettings>) => void;
  setScope: (scope: RunScope) => void;
  setRoiChoice: (choice: RoiChoice) => void;
  setEdges: (change: Partial<EdgeSettings>) => void;
  putResults: (results: AnalysisResult[]) => void;
  setShownKeys: (keys: string[]) => void;
  setRun: (change: Partial<RunState>) => void;
  /** Puts back what a reload lost (persist/usePersistedAnalysis): what is here already wins. */
  restoreAnalysis: (saved: {
    rois: readonly Roi[];
    results: readonly AnalysisResult[];
    settings?: AnalysisSettings;
    shownKeys?: readonly string[];
  }) => void;
}

// The core's defaults (core/analysis/params.ts), as the Bundles tab and the CLI use them.
const defaultSettings: AnalysisSettings = {
  families: [...defaultFamilies],
  binning: 'bin-count',
  binCount: defaultBinCount,
  binWidth: defaultBinWidth,
  resegment: null,
  aggregation: defaultParams.aggregation,
  distance: defaultParams.distance,
};

let roiCounter = 0;

export const createAnalysisSlice: StateCreator<AppState, [], [], AnalysisSlice> = (set, get) => {
  const patchRoi = (id: string, f: (r: Roi) => Roi) =>
    set((s) => ({ rois: s.rois.map((r) => (r.id === id ? f(r) : r)) }));
  return {
    roiTool: null,
    rois: [],
    selectedRoi: null,
    settings: defaultSettings,
    scope: 'image',
    roiChoice: 'whole',
    edges: {
      enabled: false,
      opacity: 0.8,
      colour: '#00ff66',
      sigma: 1.4,
      thresholds: 'percentile',
      low: 80,
      high: 95,
      followWindow: false,
    },
    results: {},
    shownKeys: [],
    run: { status: 'idle', done: 0, total: 0, cached: 0, failures: [] },
    computeOn: 'auto',
    computedOn: null,
    setComputeOn: (computeOn) => set({ computeOn }),
    setComputedOn: (computedOn) => set({ computedOn }),
    setRoiTool: (roiTool) => set({ roiTool }),
    addRoi: (seriesUID, position, shape) => {
      const id = `roi-${++roiCounter}`;
      const roi = { id, name: `ROI ${roiCounter}`, seriesUID, shapes: { [position]: shape } };
      set((s) => ({ rois: [...s.rois, roi], selectedRoi: id, roiChoice: id }));
      return id;
    },
    addMaskRoi: (seriesUID, name, shapes, source) => {
      const known = get().rois.find((r) => r.source === source && r.seriesUID === seriesUID);
      const id = known?.id ?? `roi-${++roiCounter}`;
      if (!known) set((s) => ({ rois: [...s.rois, { id, name, seriesUID, shapes, source }] }));
      set({ selectedRoi: id, roiChoice: id });
      return id;
    },
    setRoiShape: (id, position, shape) =>
      patchRoi(id, (r) => {
        const shapes = { ...r.shapes };
        if (shape) shapes[position] = shape;
        else delete shapes[position];
        return { ...r, shapes };
      }),
    copyRoiToSlices: (id, from, positions) =>
      patchRoi(id, (r) => {
        const shape = r.shapes[from];
        if (!shape) return r;
        return { ...r, shapes: Object.fromEntries(positions.map((p) => [p, shape])) };
      }),
    deleteRoi: (id) =>
      set((s) => ({
        rois: s.rois.filter((r) => r.id !== id),
        selectedRoi: s.selectedRoi === id ? null : s.selectedRoi,
        roiChoice: s.roiChoice === id ? 'whole' : s.roiChoice,
      })),
    setRoiHidden: (id, hidden) => patchRoi(id, (r) => ({ ...r, hidden })),
    selectRoi: (selectedRoi) =>
      set(selectedRoi ? { selectedRoi, roiChoice: selectedRoi } : { selectedRoi }),
    setSettings: (change) => set((s) => ({ settings: { ...s.settings, ...change } })),
    setScope: (scope) => set({ scope }),
    setRoiChoice: (roiChoice) => set({ roiChoice }),
    setEdges: (change) => set((s) => ({ edges: { ...s.edges, ...change } })),
    putResults: (results) =>
      set((s) => ({
        results: { ...s.results, ...Object.fromEntries(results.map((r) => [r.key, r])) },
      })),
    setShownKeys: (shownKeys) => set({ shownKeys }),
    setRun: (change) => set({ run: { ...get().run, ...change } }),
    restoreAnalysis: (saved) =>
      set((s) => {
        // New ROIs after a reload must not reuse a restored ROI's id or name number.
        for (const r of saved.rois)
          roiCounter = Math.max(roiCounter, Number(/^roi-(\d+)$/.exec(r.id)?.[1] ?? 0));
        const have = new Set(s.rois.map((r) => r.id));
        const results = {
          ...Object.fromEntries(saved.results.map((r) => [r.key, r])),
          ...s.results,
        };
        return {
          rois: [...saved.rois.filter((r) => !have.has(r.id)), ...s.rois],
          results,
          settings: s.settings === defaultSettings && saved.settings ? saved.settings : s.settings,
          shownKeys:
            s.shownKeys.length === 0 && saved.shownKeys
              ? saved.shownKeys.filter((k) => k in results)
              : s.shownKeys,
        };
      }),
  };
};
