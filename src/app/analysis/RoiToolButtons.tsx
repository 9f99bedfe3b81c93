import { useStore } from '../store/store.ts';
import { roiTools } from './roiShortcuts.ts';

/** Toolbar buttons for the ROI tools; pressing the active one again goes back to the viewer tool. */
export function RoiToolButtons() {
  const tool = useStore((s) => s.roiTool);
  const setTool = useStore((s) => s.setRoiTool);
  return (
    <div className="button-group" role="group" aria-label="ROI tools">
      {roiTools.map((t) => (
        <button
          key={t.tool}
          type="button"
          aria-pressed={tool === t.tool}
          title={`${t.label} ROI (${t.key})`}
          onClick={() => setTool(tool === t.tool ? null : t.tool)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
