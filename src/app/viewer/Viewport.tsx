import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../i18n/problemText.ts';
import { isSeriesDrag, seriesDragType } from '../browser/seriesDrag.ts';
import { selectStack, selectViewport } from '../store/selectors.ts';
import { useStore } from '../store/store.ts';
import { CineControls } from './CineControls.tsx';
import { SliceSlider } from './SliceSlider.tsx';
import { useCine } from './useCine.ts';
import { useImageView } from './useImageView.ts';
import { usePreload } from './usePreload.ts';
import { positionKey, useStackFrame } from './useStackFrame.ts';
import { useViewportInput } from './useViewportInput.ts';
import { ViewportOverlay } from './ViewportOverlay.tsx';
import { AnalysisOverlay } from './overlays/AnalysisOverlay.tsx';
import { FilterOverlay } from './overlays/FilterOverlay.tsx';
import { MeasureOverlay } from './measure/MeasureOverlay.tsx';
import { ReferenceLineOverlay } from './linked/ReferenceLineOverlay.tsx';

/** One viewport: a stack of one series, drawn by cornerstone, with overlays and a slider. */
export function Viewport({ index: vp }: { index: number }) {
  const { t } = useTranslation('viewer');
  const element = useRef<HTMLDivElement>(null);
  const state = useStore(selectViewport(vp));
  const stack = useStore(selectStack(vp));
  const active = useStore((s) => s.active === vp);
  const { frame, shown, error } = useStackFrame(stack, state.index);
  const preloaded = usePreload(stack, state.index);
  const imageId = shown ? positionKey(shown) : null;
  const { shown: painted, applied } = useImageView(element, imageId, frame, shown?.instance, state);
  useViewportInput(element, vp, applied, frame ? frame.max - frame.min : 1);
  useCine(vp, stack?.length ?? 0, state.cinePlaying ? state.cineFps : 0);
  const position = stack?.[state.index];
  const current = painted && position && painted.imageId === positionKey(position) ? painted : null;
  // A decode error belongs to the position it came from; scrolling away clears it.
  const errorNow =
    error && shown && position && positionKey(shown) === positionKey(position) ? error : null;

  return (
    <section
      className={`viewport${active ? ' active' : ''}${errorNow ? ' failed' : ''}`}
      data-testid={`viewport-${vp}`}
      data-index={state.index}
      onDragOver={(e) => {
        if (!isSeriesDrag(e.dataTransfer)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDrop={(e) => {
        if (!isSeriesDrag(e.dataTransfer)) return;
        e.preventDefault();
        const store = useStore.getState();
        store.setActive(vp);
        store.showSeries(e.dataTransfer.getData(seriesDragType), vp);
      }}
      data-preloaded={preloaded}
      // What is painted now, for tests and tools that wait for a settled image.
      data-rendered={
        current
          ? `${state.index}|${Math.round(current.applied.voi.center)}|${Math.round(current.applied.voi.width)}|${current.applied.invert}`
          : ''
      }
    >
      <div ref={element} className="viewport-image" />
      <FilterOverlay element={element} viewport={vp} stack={stack} seriesUID={state.seriesUID} />
      <AnalysisOverlay element={element} viewport={vp} stack={stack} seriesUID={state.seriesUID} />
      <ReferenceLineOverlay element={element} viewport={vp} stack={stack} />
      <MeasureOverlay element={element} viewport={vp} stack={stack} />
      {shown && stack && (
        <ViewportOverlay
          meta={shown.instance}
          index={state.index}
          count={stack.length}
          frame={shown.frame}
          applied={current?.applied ?? null}
        />
      )}
      {stack && stack.length > 1 && (
        <div className="slice-bar">
          <CineControls viewport={vp} playing={state.cinePlaying} fps={state.cineFps} />
          <SliceSlider viewport={vp} count={stack.length} index={state.index} />
        </div>
      )}
      {!stack && <p className="viewport-hint">{t('hint')}</p>}
      {errorNow && (
        <p className="viewport-error" role="alert">
          {problemText(t, errorNow)}
        </p>
      )}
    </section>
  );
}
