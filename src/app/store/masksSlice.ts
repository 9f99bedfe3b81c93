import type { StateCreator } from 'zustand';
import type { MaskSummary } from '../../core/masks/maskSlices.ts';
import type { AppState } from './store.ts';

/** RTSTRUCT and SEG files loaded with the studies: what they hold, not their masks. */
export interface MasksSlice {
  maskFiles: MaskSummary[];
  addMaskFiles: (masks: MaskSummary[]) => void;
}

export const createMasksSlice: StateCreator<AppState, [], [], MasksSlice> = (set, get) => ({
  maskFiles: [],
  addMaskFiles: (masks) => {
    // The same file dropped twice is listed once.
    const known = new Set(get().maskFiles.map((m) => m.file));
    const fresh = masks.filter((m) => !known.has(m.file));
    if (fresh.length > 0) set({ maskFiles: [...get().maskFiles, ...fresh] });
  },
});
