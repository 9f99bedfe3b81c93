import type { StateCreator } from 'zustand';
import type { MeasureKind } from '../../core/measure/types.ts';
import type { AppState } from './store.ts';

export type Layout = '1x1' | '1x2' | '2x2';
/** What a left-button drag does in a viewport: adjust the view, or measure (viewer/measure). */
export type Tool = 'wl' | 'zoom' | 'pan' | MeasureKind;

export interface Voi {
  center: number;
  width: number;
}

/** What one viewport shows. Null display fields mean "the image's own default". */
export interface ViewportState {
  seriesUID: string | null;
  index: number;
  voi: Voi | null;
  /** Screen pixels per image pixel; null fits the image to the viewport. */
  scale: number | null;
  pan: { x: number; y: number };
  invert: boolean;
  /** Cine: playing through the stack, at cineFps frames per second. */
  cinePlaying: boolean;
  cineFps: number;
}

export const layoutCells: Record<Layout, number> = { '1x1': 1, '1x2': 2, '2x2': 4 };

const blank: ViewportState = {
  seriesUID: null,
  index: 0,
  voi: null,
  scale: null,
  pan: { x: 0, y: 0 },
  invert: false,
  cinePlaying: false,
  cineFps: 10,
};

export interface ViewerSlice {
  layout: Layout;
  active: number;
  tool: Tool;
  /** Linked scrolling and reference lines between viewports of one frame of reference. */
  linked: boolean;
  viewports: ViewportState[];
  setLayout: (layout: Layout) => void;
  setActive: (viewport: number) => void;
  setTool: (tool: Tool) => void;
  setLinked: (linked: boolean) => void;
  showSeries: (seriesUID: string, viewport?: number) => void;
  setIndex: (viewport: number, index: number) => void;
  scroll: (viewport: number, delta: number) => void;
  setVoi: (viewport: number, voi: Voi | null) => void;
  setScale: (viewport: number, scale: number | null) => void;
  setPan: (viewport: number, pan: { x: number; y: number }) => void;
  toggleInvert: (viewport: number) => void;
  resetView: (viewport: number) => void;
  /** Starts or stops cine (a stack of one slice has nothing to play). */
  toggleCine: (viewport: number) => void;
  setCineFps: (viewport: number, fps: number) => void;
}

export const createViewerSlice: StateCreator<AppState, [], [], ViewerSlice> = (set, get) => {
  const patch = (i: number, change: Partial<ViewportState>) =>
    set((s) => ({ viewports: s.viewports.map((v, k) => (k === i ? { ...v, ...change } : v)) }));
  const stackLength = (i: number) => {
    const uid = get().viewports[i]?.seriesUID;
    return uid != null ? (get().stacks[uid]?.length ?? 0) : 0;
  };
  return {
    layout: '1x1',
    active: 0,
    tool: 'wl',
    linked: true,
    viewports: Array.from({ length: 4 }, () => ({ ...blank })),
    setLayout: (layout) =>
      set((s) => ({ layout, active: Math.min(s.active, layoutCells[layout] - 1) })),
    setActive: (active) => set({ active }),
    setTool: (tool) => set({ tool }),
    setLinked: (linked) => set({ linked }),
    showSeries: (seriesUID, viewport = get().active) => patch(viewport, { ...blank, seriesUID }),
    setIndex: (i, index) => {
      const n = stackLength(i);
      if (n > 0) patch(i, { index: Math.max(0, Math.min(n - 1, Math.round(index))) });
    },
    scroll: (i, delta) => get().setIndex(i, get().viewports[i].index + delta),
    setVoi: (i, voi) => patch(i, { voi }),
    setScale: (i, scale) => patch(i, { scale }),
    setPan: (i, pan) => patch(i, { pan }),
    toggleInvert: (i) => patch(i, { invert: !get().viewports[i].invert }),
    resetView: (i) => patch(i, { voi: null, scale: null, pan: { x: 0, y: 0 }, invert: false }),
    toggleCine: (i) => {
      const playing = get().viewports[i].cinePlaying;
      if (playing || stackLength(i) > 1) patch(i, { cinePlaying: !playing });
    },
    setCineFps: (i, fps) => patch(i, { cineFps: Math.max(1, Math.min(60, fps)) }),
  };
};
