// ROI tool keys, listed in the shortcut table (and so in the help dialog).
import type { Shortcut } from '../shortcuts/shortcuts.ts';
import type { AppState } from '../store/store.ts';
import type { RoiTool } from './types.ts';

export const roiTools: { tool: RoiTool; label: string; key: string }[] = [
  { tool: 'rectangle', label: 'Rectangle', key: 'B' },
  { tool: 'ellipse', label: 'Ellipse', key: 'E' },
  { tool: 'polygon', label: 'Freehand', key: 'F' },
];

const toggle = (tool: RoiTool) => (s: AppState) => s.setRoiTool(s.roiTool === tool ? null : tool);

export const roiShortcuts: Shortcut[] = [
  ...roiTools.map((t) => ({
    keys: [t.key.toLowerCase(), t.key],
    label: t.key,
    does: `roi${t.label}`,
    run: toggle(t.tool),
  })),
  {
    keys: ['Delete'],
    label: 'Delete',
    does: 'roiDelete',
    run: (s) => s.selectedRoi && s.deleteRoi(s.selectedRoi),
  },
];
