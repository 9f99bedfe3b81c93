import type { StateCreator } from 'zustand';
import { buildIndex } from '../../core/dicom/studyIndex.ts';
import type { InstanceMeta, PatientNode, SeriesNode } from '../../core/dicom/types.ts';
import { stackPositions, type StackPosition } from '../../core/ingest/stack.ts';
import type { AppState } from './store.ts';

export interface LoadProgress {
  /** Files read (parsed or failed) so far. */
  done: number;
  total: number;
}

export interface StudiesSlice {
  instances: InstanceMeta[];
  patients: PatientNode[];
  seriesByUid: Record<string, SeriesNode>;
  /** One position per frame, in display order, per series. */
  stacks: Record<string, StackPosition[]>;
  progress: LoadProgress;
  addInstances: (metas: InstanceMeta[]) => void;
  addToTotal: (files: number) => void;
  markRead: (files: number) => void;
}

function indexSeries(patients: PatientNode[]): Pick<StudiesSlice, 'seriesByUid' | 'stacks'> {
  const seriesByUid: Record<string, SeriesNode> = {};
  const stacks: Record<string, StackPosition[]> = {};
  for (const p of patients)
    for (const st of p.studies)
      for (const se of st.series) {
        seriesByUid[se.seriesInstanceUID] = se;
        stacks[se.seriesInstanceUID] = stackPositions(se);
      }
  return { seriesByUid, stacks };
}

export const createStudiesSlice: StateCreator<AppState, [], [], StudiesSlice> = (set, get) => ({
  instances: [],
  patients: [],
  seriesByUid: {},
  stacks: {},
  progress: { done: 0, total: 0 },
  addInstances: (metas) => {
    // The same instance dropped twice (or in a folder and its zip) is shown once.
    const known = new Set(get().instances.map((m) => m.sopInstanceUID));
    const fresh = metas.filter((m) => !known.has(m.sopInstanceUID) && known.add(m.sopInstanceUID));
    if (fresh.length === 0) return;
    const instances = [...get().instances, ...fresh];
    const patients = buildIndex(instances);
    set({ instances, patients, ...indexSeries(patients) });
  },
  addToTotal: (files) =>
    set((s) => ({ progress: { ...s.progress, total: s.progress.total + files } })),
  markRead: (files) => set((s) => ({ progress: { ...s.progress, done: s.progress.done + files } })),
});
