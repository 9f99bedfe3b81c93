import type { StateCreator } from 'zustand';
import { buildIndex } from '../../core/dicom/studyIndex.ts';
import type { InstanceMeta, LoadError, PatientNode, SeriesNode } from '../../core/dicom/types.ts';
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
    // The same instance dropped twice (or in a folder and its zip) is shown once, and the
    // dropped copy is listed with the file it duplicates.
    const known = new Map(get().instances.map((m) => [m.sopInstanceUID, m.file]));
    const fresh: InstanceMeta[] = [];
    const dropped: LoadError[] = [];
    for (const m of metas) {
      const first = known.get(m.sopInstanceUID);
      if (first === undefined) {
        known.set(m.sopInstanceUID, m.file);
        fresh.push(m);
      } else {
        const reason = `the same instance (SOP Instance UID) as ${first === m.file ? 'a file already loaded with this name' : first}: shown once`;
        dropped.push({ code: 'duplicate-instance', file: m.file, reason });
      }
    }
    get().addErrors(dropped);
    if (fresh.length === 0) return;
    const instances = [...get().instances, ...fresh];
    const patients = buildIndex(instances);
    set({ instances, patients, ...indexSeries(patients) });
  },
  addToTotal: (files) =>
    set((s) => ({ progress: { ...s.progress, total: s.progress.total + files } })),
  markRead: (files) => set((s) => ({ progress: { ...s.progress, done: s.progress.done + files } })),
});
