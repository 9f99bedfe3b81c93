// Every keyboard shortcut, declared once: the key handler and the help dialog both read this.
import { roiShortcuts } from '../analysis/roiShortcuts.ts';
import { ctPresets } from '../viewer/presets.ts';
import type { AppState } from '../store/store.ts';

export interface Shortcut {
  /** KeyboardEvent.key values that trigger it. */
  keys: string[];
  /** How the help dialog writes the key. */
  label: string;
  does: string;
  run: (s: AppState) => void;
}

const onActive = (f: (s: AppState, vp: number) => void) => (s: AppState) => f(s, s.active);

export const shortcuts: Shortcut[] = [
  {
    keys: ['w', 'W'],
    label: 'W',
    does: 'Window/level tool (left drag)',
    run: (s) => s.setTool('wl'),
  },
  { keys: ['z', 'Z'], label: 'Z', does: 'Zoom tool (left drag)', run: (s) => s.setTool('zoom') },
  { keys: ['p', 'P'], label: 'P', does: 'Pan tool (left drag)', run: (s) => s.setTool('pan') },
  {
    keys: ['i', 'I'],
    label: 'I',
    does: 'Invert grey scale',
    run: onActive((s, v) => s.toggleInvert(v)),
  },
  {
    keys: ['c', 'C'],
    label: 'C',
    does: 'Play or pause cine through the slices',
    run: onActive((s, v) => s.toggleCine(v)),
  },
  {
    keys: ['r', 'R'],
    label: 'R',
    does: 'Reset window, zoom, pan and invert',
    run: onActive((s, v) => s.resetView(v)),
  },
  {
    keys: ['ArrowDown', 'ArrowRight'],
    label: '↓ / →',
    does: 'Next slice',
    run: onActive((s, v) => s.scroll(v, 1)),
  },
  {
    keys: ['ArrowUp', 'ArrowLeft'],
    label: '↑ / ←',
    does: 'Previous slice',
    run: onActive((s, v) => s.scroll(v, -1)),
  },
  {
    keys: ['PageDown'],
    label: 'Page Down',
    does: '10 slices forward',
    run: onActive((s, v) => s.scroll(v, 10)),
  },
  {
    keys: ['PageUp'],
    label: 'Page Up',
    does: '10 slices back',
    run: onActive((s, v) => s.scroll(v, -10)),
  },
  { keys: ['Home'], label: 'Home', does: 'First slice', run: onActive((s, v) => s.setIndex(v, 0)) },
  {
    keys: ['End'],
    label: 'End',
    does: 'Last slice',
    run: onActive((s, v) => s.setIndex(v, Number.MAX_SAFE_INTEGER)),
  },
  { keys: ['1'], label: '1', does: 'Layout 1×1', run: (s) => s.setLayout('1x1') },
  { keys: ['2'], label: '2', does: 'Layout 1×2', run: (s) => s.setLayout('1x2') },
  { keys: ['3'], label: '3', does: 'Layout 2×2', run: (s) => s.setLayout('2x2') },
  ...ctPresets.map((p, k) => ({
    keys: [String(k + 5)],
    label: String(k + 5),
    does: `CT ${p.name.toLowerCase()} window (W ${p.width} L ${p.center})`,
    run: onActive((s, v) => s.setVoi(v, { center: p.center, width: p.width })),
  })),
  ...roiShortcuts,
  { keys: ['?'], label: '?', does: 'Show this help', run: (s) => s.setHelpOpen(true) },
];

export function shortcutFor(key: string): Shortcut | undefined {
  return shortcuts.find((s) => s.keys.includes(key));
}
