// Measuring tools. One measurement, then back to W/L; Shift+click (or the lock) keeps the tool
// on for a series of measurements, as PACS viewers do.
import type { MeasureKind } from '../../core/measure/types.ts';
import { useStore } from '../store/store.ts';
import {
  activeStudyMeasurements,
  saveMeasurementsSr,
} from '../viewer/measure/saveMeasurementsSr.ts';

const tools: { tool: MeasureKind; label: string; title: string }[] = [
  { tool: 'length', label: 'Length', title: 'Length in mm (drag)' },
  { tool: 'angle', label: 'Angle', title: 'Angle (drag one arm, click the other end)' },
  { tool: 'ellipse', label: '◯ ROI', title: 'Elliptical ROI: mean, SD, min/max, area (drag)' },
  { tool: 'rectangle', label: '▭ ROI', title: 'Rectangular ROI: mean, SD, min/max, area (drag)' },
  {
    tool: 'probe',
    label: 'Probe',
    title: 'Pixel value (HU on CT) under the cursor; click to keep',
  },
];

export function MeasureButtons() {
  const tool = useStore((s) => s.tool);
  const locked = useStore((s) => s.measureLocked);
  const setTool = useStore((s) => s.setTool);
  const setLocked = useStore((s) => s.setMeasureLocked);
  const setRoiTool = useStore((s) => s.setRoiTool);
  const count = useStore(activeStudyMeasurements);
  return (
    <div className="button-group" role="group" aria-label="Measure">
      {tools.map((t) => (
        <button
          key={t.tool}
          type="button"
          aria-pressed={tool === t.tool}
          title={`${t.title}. Shift+click keeps it on.`}
          onClick={(e) => {
            if (tool === t.tool && !e.shiftKey) {
              setTool('wl');
              return;
            }
            setRoiTool(null); // one tool owns the left button
            setTool(t.tool);
            if (e.shiftKey) setLocked(true);
          }}
        >
          {t.label}
        </button>
      ))}
      <button
        type="button"
        aria-pressed={locked}
        aria-label="Keep the measuring tool on"
        title={
          locked
            ? 'Tool stays on after each measurement (click to return to W/L after one)'
            : 'Tool returns to W/L after one measurement (click to keep it on)'
        }
        onClick={() => setLocked(!locked)}
      >
        Lock
      </button>
      <button
        type="button"
        disabled={count === 0}
        title={`Save this study's ${count} measurement(s) as a DICOM SR (TID 1500)`}
        onClick={() => saveMeasurementsSr(useStore.getState())}
      >
        SR
      </button>
    </div>
  );
}
