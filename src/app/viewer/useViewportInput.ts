// Mouse input on a viewport: wheel scrolls the stack; left drag runs the current tool
// (window/level, zoom or pan), right drag zooms, middle drag pans.
import { useEffect, type RefObject } from 'react';
import { useStore } from '../store/store.ts';
import type { Tool } from '../store/viewerSlice.ts';
import { dragScale, dragVoi, wheelSlices } from './dragMath.ts';
import type { AppliedDisplay } from './imageView.ts';

function toolFor(button: number, tool: Tool): Tool | null {
  if (button === 0) return tool;
  if (button === 1) return 'pan';
  if (button === 2) return 'zoom';
  return null;
}

export function useViewportInput(
  element: RefObject<HTMLDivElement | null>,
  viewport: number,
  applied: RefObject<AppliedDisplay | null>,
  valueRange: number,
): void {
  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const store = useStore.getState;

    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      store().setActive(viewport);
      store().scroll(viewport, wheelSlices(e.deltaY));
    };

    const onPointerDown = (e: PointerEvent) => {
      store().setActive(viewport);
      const tool = toolFor(e.button, store().tool);
      const start = applied.current;
      // Measuring tools are handled by the measurement layer (viewer/measure).
      if (!tool || !start || (tool !== 'wl' && tool !== 'zoom' && tool !== 'pan')) return;
      e.preventDefault();
      el.setPointerCapture(e.pointerId);
      const x0 = e.clientX;
      const y0 = e.clientY;
      const move = (m: PointerEvent) => {
        const dx = m.clientX - x0;
        const dy = m.clientY - y0;
        if (tool === 'wl') store().setVoi(viewport, dragVoi(start.voi, dx, dy, valueRange));
        else if (tool === 'zoom') store().setScale(viewport, dragScale(start.scale, dy));
        else
          store().setPan(viewport, {
            x: start.pan.x + dx / start.scale,
            y: start.pan.y + dy / start.scale,
          });
      };
      const up = () => {
        el.removeEventListener('pointermove', move);
        el.removeEventListener('pointerup', up);
        el.removeEventListener('pointercancel', up);
      };
      el.addEventListener('pointermove', move);
      el.addEventListener('pointerup', up);
      el.addEventListener('pointercancel', up);
    };

    const noMenu = (e: Event) => e.preventDefault();
    // Wheel must be non-passive to keep the page from scrolling.
    el.addEventListener('wheel', onWheel, { passive: false });
    el.addEventListener('pointerdown', onPointerDown);
    el.addEventListener('contextmenu', noMenu);
    return () => {
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('pointerdown', onPointerDown);
      el.removeEventListener('contextmenu', noMenu);
    };
  }, [element, viewport, applied, valueRange]);
}
