// Every keyboard shortcut, declared once: the key handler and the help dialog both read this.
import { roiShortcuts } from '../analysis/roiShortcuts.ts';
import { ctPresets } from '../viewer/presets.ts';
import type { AppState } from '../store/store.ts';

export interface Shortcut {
  /** KeyboardEvent.key values that trigger it. */
  keys: string[];
  /** How the help dialog writes the key. */
  label: string;
  /** What it does: a key under "shortcut." in the help namespace, with its values. */
  does: string;
  doesParams?: Record<string, string | number>;
  run: (s: AppState) => void;
}

const onActive = (f: (s: AppState, vp: number) => void) => (s: AppState) => f(s, s.active);

export const shortcuts: Shortcut[] = [
  {
    keys: ['w', 'W'],
    label: 'W',
    does: 'wl',
    run: (s) => s.setTool('wl'),
  },
  { keys: ['z', 'Z'], label: 'Z', does: 'zoom', run: (s) => s.setTool('zoom') },
  { keys: ['p', 'P'], label: 'P', does: 'pan', run: (s) => s.setTool('pan') },
  {
    keys: ['i', 'I'],
    label: 'I',
    does: 'invert',
    run: onActive((s, v) => s.toggleInvert(v)),
  },
  {
    keys: ['c', 'C'],
    label: 'C',
    does: 'cine',
    run: onActive((s, v) => s.toggleCine(v)),
  },
  {
    keys: ['r', 'R'],
    label: 'R',
    does: 'reset',
    run: onActive((s, v) => s.resetView(v)),
  },
  {
    keys: ['ArrowDown', 'ArrowRight'],
    label: '↓ / →',
    does: 'next',
    run: onActive((s, v) => s.scroll(v, 1)),
  },
  {
    keys: ['ArrowUp', 'ArrowLeft'],
    label: '↑ / ←',
    does: 'previous',
    run: onActive((s, v) => s.scroll(v, -1)),
  },
  {
    keys: ['PageDown'],
    label: 'Page Down',
    does: 'forward10',
    run: onActive((s, v) => s.scroll(v, 10)),
  },
  {
    keys: ['PageUp'],
    label: 'Page Up',
    does: 'back10',
    run: onActive((s, v) => s.scroll(v, -10)),
  },
  { keys: ['Home'], label: 'Home', does: 'first', run: onActive((s, v) => s.setIndex(v, 0)) },
  {
    keys: ['End'],
    label: 'End',
    does: 'last',
    run: onActive((s, v) => s.setIndex(v, Number.MAX_SAFE_INTEGER)),
  },
  { keys: ['1'], label: '1', does: 'layout1x1', run: (s) => s.setLayout('1x1') },
  { keys: ['2'], label: '2', does: 'layout1x2', run: (s) => s.setLayout('1x2') },
  { keys: ['3'], label: '3', does: 'layout2x2', run: (s) => s.setLayout('2x2') },
  ...ctPresets.map((p, k) => ({
    keys: [String(k + 5)],
    label: String(k + 5),
    does: `ct${p.name}`,
    doesParams: { width: p.width, center: p.center },
    run: onActive((s, v) => s.setVoi(v, { center: p.center, width: p.width })),
  })),
  ...roiShortcuts,
  { keys: ['?'], label: '?', does: 'help', run: (s) => s.setHelpOpen(true) },
];

export function shortcutFor(key: string): Shortcut | undefined {
  return shortcuts.find((s) => s.keys.includes(key));
}
