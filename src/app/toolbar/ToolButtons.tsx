import { useStore } from '../store/store.ts';
import type { Tool } from '../store/viewerSlice.ts';

const tools: { tool: Tool; label: string; key: string }[] = [
  { tool: 'wl', label: 'W/L', key: 'W' },
  { tool: 'zoom', label: 'Zoom', key: 'Z' },
  { tool: 'pan', label: 'Pan', key: 'P' },
];

export function ToolButtons() {
  const tool = useStore((s) => s.tool);
  const setTool = useStore((s) => s.setTool);
  const active = useStore((s) => s.active);
  const toggleInvert = useStore((s) => s.toggleInvert);
  const resetView = useStore((s) => s.resetView);
  return (
    <div className="button-group" role="group" aria-label="Tools">
      {tools.map((t) => (
        <button
          key={t.tool}
          type="button"
          aria-pressed={tool === t.tool}
          title={`${t.label} (${t.key})`}
          onClick={() => setTool(t.tool)}
        >
          {t.label}
        </button>
      ))}
      <button type="button" title="Invert (I)" onClick={() => toggleInvert(active)}>
        Invert
      </button>
      <button type="button" title="Reset (R)" onClick={() => resetView(active)}>
        Reset
      </button>
    </div>
  );
}
