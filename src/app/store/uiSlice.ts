import type { StateCreator } from 'zustand';
import type { AppState } from './store.ts';

/** Tabs of the right-hand panel; analysis and predictions panels join here. */
export type SideTab = 'tags' | 'analysis' | 'predictions' | 'cases' | 'bundles' | 'cohort';

export interface UiSlice {
  helpOpen: boolean;
  sideTab: SideTab;
  setHelpOpen: (open: boolean) => void;
  setSideTab: (tab: SideTab) => void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  helpOpen: false,
  sideTab: 'tags',
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  setSideTab: (sideTab) => set({ sideTab }),
});
