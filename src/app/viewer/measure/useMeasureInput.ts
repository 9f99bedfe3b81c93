// Left button with a measuring tool: drag a length or an ROI's corners; drag an angle's first
// arm, then click its end; click a probe. The drag is taken in the capture phase so it never
// also reaches the W/L, zoom or pan handlers. An unlocked tool returns to W/L after one
// measurement; Escape drops the one being drawn.
import { useEffect, useRef, useState, type RefObject } from 'react';
import { measure } from '../../../core/measure/measure.ts';
import type { MeasureKind, Point } from '../../../core/measure/types.ts';
import type { StackPosition } from '../../../core/ingest/stack.ts';
import { loadFrame } from '../../services/frames.ts';
import { useStore } from '../../store/store.ts';
import type { Tool } from '../../store/viewerSlice.ts';
import { clientToImage } from '../overlays/csTransform.ts';
import { measureImage } from './measureImage.ts';

export interface Draft {
  kind: MeasureKind;
  points: Point[];
}

export function isMeasureTool(tool: Tool): tool is MeasureKind {
  return tool !== 'wl' && tool !== 'zoom' && tool !== 'pan';
}

/** A drag shorter than this many screen pixels is a click. */
const CLICK = 3;

export function useMeasureInput(
  element: RefObject<HTMLDivElement | null>,
  viewport: number,
  position: StackPosition | null,
): Draft | null {
  const [draft, setDraft] = useState<Draft | null>(null);
  const live = useRef({ position, draft });
  useEffect(() => {
    live.current = { position, draft };
  });

  useEffect(() => {
    const el = element.current;
    const host = el?.parentElement;
    if (!el || !host) return;
    const at = (e: PointerEvent): Point => {
      const p = clientToImage(el, e.clientX, e.clientY);
      return [p.x, p.y];
    };

    const onDown = (e: PointerEvent) => {
      const s = useStore.getState();
      const tool = s.tool;
      if (!isMeasureTool(tool) || e.button !== 0 || s.roiTool || !live.current.position) return;
      // A measurement's own delete button is a button, not a place to measure.
      if (e.target instanceof Element && e.target.closest('.measure-delete')) return;
      e.stopPropagation();
      e.preventDefault();
      s.setActive(viewport);
      host.setPointerCapture(e.pointerId);
      const x0 = e.clientX;
      const y0 = e.clientY;
      const pending = live.current.draft;
      // The second press of an angle places its third point.
      const third = tool === 'angle' && pending?.kind === 'angle' && pending.points.length === 3;
      const points: Point[] = third ? pending.points.slice(0, 2) : [at(e)];
      const move = (m: PointerEvent) => {
        const p = at(m);
        if (tool === 'probe') setDraft({ kind: tool, points: [p] });
        else setDraft({ kind: tool, points: [...points.slice(0, third ? 2 : 1), p] });
      };
      const up = (u: PointerEvent) => {
        host.removeEventListener('pointermove', move);
        host.removeEventListener('pointerup', up);
        host.removeEventListener('pointercancel', up);
        const p = at(u);
        const dragged = Math.hypot(u.clientX - x0, u.clientY - y0) >= CLICK;
        if (u.type === 'pointercancel') setDraft(null);
        else if (tool === 'probe') void commit(tool, [p]);
        else if (third) void commit(tool, [...points.slice(0, 2), p]);
        else if (!dragged) setDraft(null);
        else if (tool === 'angle') setDraft({ kind: tool, points: [points[0], p, p] });
        else void commit(tool, [points[0], p]);
      };
      host.addEventListener('pointermove', move);
      host.addEventListener('pointerup', up);
      host.addEventListener('pointercancel', up);
    };

    // Without a button: the probe follows the cursor, an angle's open arm follows it too.
    const onHover = (e: PointerEvent) => {
      if (e.buttons !== 0) return;
      const tool = useStore.getState().tool;
      const pending = live.current.draft;
      if (tool === 'probe') setDraft({ kind: 'probe', points: [at(e)] });
      else if (tool === 'angle' && pending?.kind === 'angle' && pending.points.length === 3)
        setDraft({ kind: 'angle', points: [pending.points[0], pending.points[1], at(e)] });
    };
    const onLeave = () => {
      if (live.current.draft?.kind === 'probe') setDraft(null);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setDraft(null);
    };

    const commit = async (kind: MeasureKind, points: Point[]) => {
      setDraft(null);
      const position = live.current.position;
      if (!position) return;
      const frame = await loadFrame(position.instance, position.frame).catch(() => null);
      if (!frame) return;
      const r = measure(kind, points, measureImage(frame, position.instance));
      const s = useStore.getState();
      // Only a point off the image (no coordinates) fails; nothing is drawn then.
      if (!r.ok) return;
      const { instance } = position;
      s.addMeasurement({
        id: crypto.randomUUID(),
        kind,
        studyUID: instance.studyInstanceUID,
        seriesUID: instance.seriesInstanceUID,
        sopInstanceUID: instance.sopInstanceUID,
        sopClassUID: instance.sopClassUID,
        frame: position.frame,
        points,
        result: r.value,
        createdAt: new Date().toISOString(),
      });
      if (!s.measureLocked) s.setTool('wl');
    };

    host.addEventListener('pointerdown', onDown, { capture: true });
    host.addEventListener('pointermove', onHover);
    host.addEventListener('pointerleave', onLeave);
    window.addEventListener('keydown', onKey);
    return () => {
      host.removeEventListener('pointerdown', onDown, { capture: true });
      host.removeEventListener('pointermove', onHover);
      host.removeEventListener('pointerleave', onLeave);
      window.removeEventListener('keydown', onKey);
    };
  }, [element, viewport]);

  // A tool change drops a half-drawn measurement.
  useEffect(
    () =>
      useStore.subscribe((s, before) => {
        if (s.tool !== before.tool) setDraft(null);
      }),
    [],
  );
  return draft;
}
