// The measurement layer over a viewport: lines and shapes on a canvas stacked on cornerstone's,
// their values as text beside them (outlined, readable on any image), all redrawn after every
// cornerstone render (scroll, zoom, pan, W/L) through cornerstone's own transform.
import './measure.css';
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { measure } from '../../../core/measure/measure.ts';
import type { MeasureResult, Point } from '../../../core/measure/types.ts';
import type { StackPosition } from '../../../core/ingest/stack.ts';
import type { DecodedFrame } from '../../../core/dicom/types.ts';
import { loadFrame } from '../../services/frames.ts';
import { useStore } from '../../store/store.ts';
import { apply, imageToCanvas, type Affine } from '../overlays/csTransform.ts';
import { positionKey } from '../useStackFrame.ts';
import { drawMeasurements, type MeasureDrawing } from './drawMeasurements.ts';
import { measureImage } from './measureImage.ts';
import { measureLabel } from './measureLabel.ts';
import { useMeasureInput } from './useMeasureInput.ts';
import { useRenderedImage } from '../overlays/useRenderedImage.ts';

interface Props {
  element: RefObject<HTMLDivElement | null>;
  viewport: number;
  stack: StackPosition[] | undefined;
}

/** Where a measurement's text goes: beside its last point, or its box's lower right corner. */
function anchor(points: readonly Point[]): Point {
  if (points.length === 3) return points[1];
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return points.length === 2 ? [Math.max(...xs), Math.max(...ys)] : points[0];
}

export function MeasureOverlay({ element, viewport, stack }: Props) {
  const { t, i18n } = useTranslation('viewer');
  const canvas = useRef<HTMLCanvasElement>(null);
  const { imageId, renders } = useRenderedImage(element);
  const [frame, setFrame] = useState<{ id: string; frame: DecodedFrame } | null>(null);
  const all = useStore((s) => s.measurements);
  const remove = useStore((s) => s.removeMeasurement);
  const position = useMemo(
    () => stack?.find((p) => positionKey(p) === imageId) ?? null,
    [stack, imageId],
  );
  const draft = useMeasureInput(element, viewport, position);
  const shown = useMemo(
    () =>
      position
        ? all.filter(
            (m) =>
              m.sopInstanceUID === position.instance.sopInstanceUID && m.frame === position.frame,
          )
        : [],
    [all, position],
  );

  // The shown frame's values, for the live value of what is being drawn (decoded frames are
  // cached, so this is the viewer's own copy).
  useEffect(() => {
    if (!position || !imageId) return;
    let live = true;
    loadFrame(position.instance, position.frame).then(
      (f) => live && setFrame({ id: imageId, frame: f }),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [position, imageId]);

  const draftResult: MeasureResult | null = useMemo(() => {
    if (!draft || !position || frame?.id !== imageId) return null;
    const r = measure(draft.kind, draft.points, measureImage(frame.frame, position.instance));
    return r.ok ? r.value : null;
  }, [draft, position, frame, imageId]);

  // The transform of what cornerstone last painted; `renders` changes with every paint.
  const transform = useMemo((): { m: Affine; css: number } | null => {
    const el = element.current;
    const base = el?.querySelector('canvas');
    if (!el || !base || !imageId || renders < 0) return null;
    try {
      return { m: imageToCanvas(el), css: base.clientWidth / (base.width || 1) };
    } catch {
      return null; // nothing displayed yet
    }
  }, [element, imageId, renders]);

  useEffect(() => {
    const c = canvas.current;
    const base = element.current?.querySelector('canvas');
    if (!c || !base) return;
    if (c.width !== base.width) c.width = base.width;
    if (c.height !== base.height) c.height = base.height;
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, c.width, c.height);
    if (!transform) return;
    const drawings: MeasureDrawing[] = shown.map((m) => ({ kind: m.kind, points: m.points }));
    if (draft) drawings.push({ ...draft, draft: true });
    drawMeasurements(ctx, transform.m, drawings);
  }, [element, transform, shown, draft]);

  const at = (p: Point) => {
    if (!transform) return { left: 0, top: 0 };
    const [x, y] = apply(transform.m, p[0], p[1]);
    return { left: x * transform.css + 8, top: y * transform.css + 4 };
  };

  return (
    <>
      <canvas ref={canvas} className="measure-canvas" />
      <div className="measure-labels" data-testid={`measurements-${viewport}`}>
        {transform &&
          shown.map((m) => (
            <div
              key={m.id}
              className="measure-label"
              data-testid="measurement"
              data-kind={m.kind}
              data-points={JSON.stringify(m.points)}
              data-result={JSON.stringify(m.result)}
              style={at(anchor(m.points))}
            >
              {measureLabel(m.result, t, i18n.language).map((line) => (
                <div key={line}>{line}</div>
              ))}
              <button
                type="button"
                className="measure-delete"
                title={t('measure.delete')}
                aria-label={t('measure.delete')}
                onPointerDown={(e) => e.stopPropagation()}
                onClick={() => remove(m.id)}
              >
                ×
              </button>
            </div>
          ))}
        {transform && draft && draftResult && (
          <div
            className="measure-label draft"
            data-testid="measurement-draft"
            data-kind={draft.kind}
            data-result={JSON.stringify(draftResult)}
            style={at(anchor(draft.points))}
          >
            {measureLabel(draftResult, t, i18n.language).map((line) => (
              <div key={line}>{line}</div>
            ))}
          </div>
        )}
      </div>
    </>
  );
}
