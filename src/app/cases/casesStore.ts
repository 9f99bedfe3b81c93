// The Cases tab's own state (kept apart from the main store: it is this tab's view, not data):
// the run of "Classify all" with its progress, and the table's sort, filter and selection.
import { create } from 'zustand';
import type { Problem } from '../../core/result.ts';
import type { CaseColumn } from './caseRows.ts';

export interface CohortRun {
  readonly status: 'idle' | 'loading' | 'running' | 'done' | 'cancelled' | 'failed';
  readonly done: number;
  readonly total: number;
  readonly startedAt: number;
  /** Per image (its file), or for the run (file ''), kept as Problems to be said in the language. */
  readonly errors: readonly { readonly file: string; readonly problem: Problem }[];
}

export interface CasesState {
  run: CohortRun;
  sort: { column: CaseColumn; descending: boolean };
  filter: string;
  /** Series picked for "Classify selected"; empty means every series. */
  selected: ReadonlySet<string>;
  /** The model whose predictions the table shows (its file hash). */
  modelSha256: string | undefined;
  setRun: (patch: Partial<CohortRun>) => void;
  sortBy: (column: CaseColumn) => void;
  setFilter: (filter: string) => void;
  toggleSelected: (seriesUid: string) => void;
  clearSelection: () => void;
  setModel: (sha256: string) => void;
}

const idle: CohortRun = { status: 'idle', done: 0, total: 0, startedAt: 0, errors: [] };

export const useCases = create<CasesState>()((set) => ({
  run: idle,
  sort: { column: 'patient', descending: false },
  filter: '',
  selected: new Set(),
  modelSha256: undefined,
  setRun: (patch) => set((s) => ({ run: { ...s.run, ...patch } })),
  sortBy: (column) =>
    set((s) => ({
      sort: { column, descending: s.sort.column === column ? !s.sort.descending : false },
    })),
  setFilter: (filter) => set({ filter }),
  toggleSelected: (uid) =>
    set((s) => {
      const selected = new Set(s.selected);
      if (!selected.delete(uid)) selected.add(uid);
      return { selected };
    }),
  clearSelection: () => set({ selected: new Set() }),
  setModel: (modelSha256) => set({ modelSha256 }),
}));
