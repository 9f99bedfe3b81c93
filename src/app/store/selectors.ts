import type { StackPosition } from '../../core/ingest/stack.ts';
import type { AppState } from './store.ts';
import type { ViewportState } from './viewerSlice.ts';

export const selectViewport =
  (i: number) =>
  (s: AppState): ViewportState =>
    s.viewports[i];

/** The stack a viewport shows, or undefined when it is empty. */
export const selectStack =
  (i: number) =>
  (s: AppState): StackPosition[] | undefined => {
    const uid = s.viewports[i].seriesUID;
    // A series may have an empty UID (a broken header): '' is still a series.
    return uid !== null ? s.stacks[uid] : undefined;
  };

/** The stack position (instance and frame) a viewport shows now. */
export const selectPosition =
  (i: number) =>
  (s: AppState): StackPosition | undefined =>
    selectStack(i)(s)?.[s.viewports[i].index];

export const selectActivePosition = (s: AppState): StackPosition | undefined =>
  selectPosition(s.active)(s);
