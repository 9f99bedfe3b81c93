import type { StateCreator } from 'zustand';
import type { LoadError } from '../../core/dicom/types.ts';
import type { AppState } from './store.ts';

export interface ErrorsSlice {
  errors: LoadError[];
  addErrors: (errors: LoadError[]) => void;
  clearErrors: () => void;
}

export const createErrorsSlice: StateCreator<AppState, [], [], ErrorsSlice> = (set) => ({
  errors: [],
  addErrors: (errors) => {
    if (errors.length > 0) set((s) => ({ errors: [...s.errors, ...errors] }));
  },
  clearErrors: () => set({ errors: [] }),
});
