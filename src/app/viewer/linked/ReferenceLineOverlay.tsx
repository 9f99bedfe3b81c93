// The reference line: where the active viewport's image cuts this viewport's image, for images
// of the same frame of reference (an axial slice's level on a coronal, and so on).
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import type { StackPosition } from '../../../core/ingest/stack.ts';
import { referenceLine } from '../../../core/measure/planes.ts';
import { selectPosition, selectStack } from '../../store/selectors.ts';
import { useStore } from '../../store/store.ts';
import { apply, imageToCanvas } from '../overlays/csTransform.ts';
import { positionKey } from '../useStackFrame.ts';
import { stackPlanes } from './stackPlanes.ts';
import { useRenderedImage } from '../overlays/useRenderedImage.ts';

interface Props {
  element: RefObject<HTMLDivElement | null>;
  viewport: number;
  stack: StackPosition[] | undefined;
}

export function ReferenceLineOverlay({ element, viewport, stack }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { imageId, renders } = useRenderedImage(element);
  const linked = useStore((s) => s.linked);
  const source = useStore((s) => (s.active === viewport ? undefined : selectPosition(s.active)(s)));
  const sourceStack = useStore((s) => selectStack(s.active)(s));

  const line = useMemo(() => {
    if (!linked || !source || !sourceStack || !stack || !imageId) return null;
    const k = stack.findIndex((p) => positionKey(p) === imageId);
    const target = stack[k];
    const frame = source.instance.frameOfReferenceUID;
    if (!target || !frame || target.instance.frameOfReferenceUID !== frame) return null;
    const from = stackPlanes(sourceStack)[sourceStack.indexOf(source)];
    const to = stackPlanes(stack)[k];
    return from && to ? referenceLine(from, to) : null;
  }, [linked, source, sourceStack, stack, imageId]);

  useEffect(() => {
    const c = canvas.current;
    const el = element.current;
    const base = el?.querySelector('canvas');
    if (!c || !el || !base) return;
    if (c.width !== base.width) c.width = base.width;
    if (c.height !== base.height) c.height = base.height;
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, c.width, c.height);
    if (!line || renders < 0) return;
    let m;
    try {
      m = imageToCanvas(el);
    } catch {
      return;
    }
    ctx.save();
    ctx.beginPath();
    ctx.moveTo(...apply(m, line[0][0], line[0][1]));
    ctx.lineTo(...apply(m, line[1][0], line[1][1]));
    ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgba(0, 0, 0, 0.7)';
    ctx.stroke();
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = '#ffb347';
    ctx.stroke();
    ctx.restore();
  }, [element, line, renders]);

  return (
    <canvas
      ref={canvas}
      className="measure-canvas"
      data-testid={`reference-line-${viewport}`}
      data-line={
        line ? JSON.stringify(line.map((p) => p.map((v) => Math.round(v * 100) / 100))) : ''
      }
    />
  );
}
